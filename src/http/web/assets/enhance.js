// Progressive enhancement only: every page works without this file.
(() => {
  // Move focus to the error summary so screen-reader and keyboard users hear the problem first.
  const summary = document.querySelector('[data-focus]');
  if (summary instanceof HTMLElement) summary.focus();
  // Print everything: open the collapsed sections (sources, full result) before printing.
  const opened = [];
  window.addEventListener('beforeprint', () => {
    for (const d of document.querySelectorAll('details:not([open])')) {
      d.setAttribute('open', '');
      opened.push(d);
    }
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened.splice(0)) d.removeAttribute('open');
  });
})();
