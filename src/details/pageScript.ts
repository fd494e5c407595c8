// The page's only script (it runs under the page's nonce): buttons name what they do in data- attributes, and a
// click posts that name to the extension. No inline handlers, nothing from the image ever runs.
export const pageScript = `
(() => {
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) {
      return;
    }
    if (button.dataset.action) {
      vscode.postMessage({ type: 'action', action: button.dataset.action });
    } else if (button.dataset.link !== undefined) {
      vscode.postMessage({ type: 'reveal', link: Number(button.dataset.link) });
    } else if (button.dataset.refresh !== undefined) {
      vscode.postMessage({ type: 'refresh' });
    }
  });
})();
`;
