/* Phones: the article's blocks start with content-visibility: auto (docs/assets/site.css), so
   the browser does not lay out what is off screen while the page loads. Once the page is idle,
   the blocks are laid out a few at a time, so that the scroll bar, the End key and
   accessibility tools see the whole page at its real size. On a wider screen the blocks are laid
   out from the start and this does nothing (marking them there cost the main thread about 100 ms
   on the Chinese templates page with the CPU slowed 4×), unless the window is later made narrow. */
(function () {
  "use strict";

  var narrow = window.matchMedia("(max-width: 59.984375em)"); // the media query of site.css
  var blocks = null;
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

  function start() {
    if (blocks || !narrow.matches) return;
    blocks = Array.prototype.slice.call(document.querySelectorAll("[data-pagefind-body] > *"));
    idle(layOutSome);
  }

  function begin() {
    start();
    if (!blocks && narrow.addEventListener) narrow.addEventListener("change", start);
  }

  if (document.readyState === "complete") begin();
  else window.addEventListener("load", begin);
})();
