"""Give templates the site's own interface strings (hooks/strings.yml) in the page's language.

overrides/ uses `ui.<key>`; the assets read the same strings from data attributes.
"""

from _common import build_language, strings


def on_page_context(context, page, config, nav):
    context["ui"] = strings(build_language(config))
    return context


def on_template_context(context, template_name, config):
    context["ui"] = strings(build_language(config))
    return context
