/* Message templates (hooks/templates.py): fill-in fields and an exact copy button.
   What the reader types stays in the page: nothing is sent, nothing is stored. */
(function () {
  "use strict";

  function setup(block) {
    var fields = block.querySelector(".tpl__fields");
    var actions = block.querySelector(".tpl__actions");
    var texts = block.querySelectorAll(".tpl__text code");
    var buttons = block.querySelectorAll(".tpl__copy");
    var status = block.querySelector(".tpl__status");
    if (!fields || !texts.length || !buttons.length) return;

    block.querySelectorAll("input[data-field]").forEach(function (input) {
      var spans = Array.prototype.map.call(
        block.querySelectorAll('.tpl__ph[data-field="' + input.dataset.field + '"]'),
        function (span) {
          return { span: span, lang: span.getAttribute("lang") };
        }
      );
      var update = function () {
        var value = input.value.trim();
        spans.forEach(function (ph) {
          ph.span.textContent = value || ph.span.dataset.empty;
          ph.span.classList.toggle("tpl__ph--filled", Boolean(value));
          /* Inside the English text an empty field shows its name in the page's language (lang);
             what the reader types there is the text's own language. */
          if (ph.lang && value) ph.span.removeAttribute("lang");
          else if (ph.lang) ph.span.setAttribute("lang", ph.lang);
        });
      };
      input.addEventListener("input", update);
      input.addEventListener("change", update);
      update();
    });

    /* The first button copies the text to send; on Russian and Chinese pages a second one copies
       the same message in the reader's language (hooks/templates.py). */
    buttons.forEach(function (button) {
      var code = texts[Number(button.dataset.copy) || 0];
      button.addEventListener("click", function () {
        var text = code.textContent;
        var done = function () { status.textContent = button.dataset.copied; };
        var failed = function () {
          status.textContent = button.dataset.failed;
          var range = document.createRange();
          range.selectNodeContents(code);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, failed);
        } else {
          failed();
        }
      });
    });

    fields.hidden = false;
    actions.hidden = false;
  }

  document.querySelectorAll("[data-template]").forEach(setup);
})();
