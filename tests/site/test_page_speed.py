"""Guards for what keeps every page fast on a phone (bench/latest.md has the measurements):
no extra stylesheet holds up the first paint, and Material's palette component is not used."""

from checks import slow_first_paint
from support import assert_none, check_every_page


def test_nothing_slows_the_first_paint(site):
    assert_none(check_every_page(site, slow_first_paint))


def test_a_blocking_stylesheet_and_the_palette_component_are_caught(site):
    html = (site / "ru" / "index.html").read_text(encoding="utf-8")
    assert slow_first_paint("ru/index.html", html) == []
    extra = html.replace("</head>", '<link rel="stylesheet" href="../assets/extra.css"></head>')
    print_only = html.replace("</head>", '<link rel="stylesheet" href="../assets/extra.css" media="print"></head>')
    palette = html.replace("data-palette", 'data-md-component="palette"', 1)
    assert any("ru/index.html: stylesheet ../assets/extra.css" in p for p in slow_first_paint("ru/index.html", extra))
    assert slow_first_paint("ru/index.html", print_only) == []
    assert any("palette component" in p for p in slow_first_paint("ru/index.html", palette))
