/* Phones: the article's blocks start with content-visibility: auto (docs/assets/site.css), so
   the browser does not lay out what is off screen while the page loads. Once the page is idle,
   the blocks are laid out a few at a time, so that the scroll bar, the End key and
   accessibility tools see the whole page at its real size. */
(function () {
  "use strict";

  var blocks = Array.prototype.slice.call(document.querySelectorAll("[data-pagefind-body] > *"));
  var idle =
    window.requestIdleCallback ||
    function (callback) {
      return setTimeout(callback, 50);
    };

  function layOutSome() {
    blocks.splice(0, 6).forEach(function (block) {
      block.classList.add("is-laid-out");
    });
    if (blocks.length) {
      requestAnimationFrame(function () {
        idle(layOutSome);
      });
    }
  }

  if (document.readyState === "complete") idle(layOutSome);
  else window.addEventListener("load", function () { idle(layOutSome); });
})();
