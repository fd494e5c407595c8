// The page's look: the editor's own font and colours through VS Code's theme variables, so it follows any theme.
export const pageStyle = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground);
  background: var(--vscode-editor-background); padding: 0 24px 32px; line-height: 1.5; max-width: 1100px; }
h1 { font-size: 1.6em; font-weight: 600; margin: 20px 0 2px; word-break: break-word; }
h2 { font-size: 1.15em; font-weight: 600; margin: 28px 0 8px; padding-bottom: 4px;
  border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
h3 { font-size: 1em; font-weight: 600; margin: 14px 0 4px; }
.sub, .note, .muted { color: var(--vscode-descriptionForeground); }
.note { font-size: 0.92em; }
.badge { display: inline-block; padding: 0 7px; border-radius: 10px; font-size: 0.85em; margin-left: 4px;
  background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.badge.warn { background: var(--vscode-inputValidation-warningBackground, var(--vscode-badge-background)); }
.badge.error { background: var(--vscode-inputValidation-errorBackground, var(--vscode-badge-background)); }
.error { color: var(--vscode-errorForeground); }
nav.actions { display: flex; flex-wrap: wrap; gap: 6px; margin: 14px 0 4px; }
button { font-family: inherit; font-size: inherit; cursor: pointer; border: 1px solid var(--vscode-button-border, transparent);
  border-radius: 2px; padding: 4px 12px; color: var(--vscode-button-foreground); background: var(--vscode-button-background); }
button:hover { background: var(--vscode-button-hoverBackground); }
button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 2px; }
button.secondary { color: var(--vscode-button-secondaryForeground); background: var(--vscode-button-secondaryBackground); }
button.secondary:hover { background: var(--vscode-button-secondaryHoverBackground); }
button.link { padding: 0; border: none; background: none; color: var(--vscode-textLink-foreground); }
button.link:hover { background: none; color: var(--vscode-textLink-activeForeground); text-decoration: underline; }
table { border-collapse: collapse; margin: 4px 0; }
th, td { text-align: left; vertical-align: top; padding: 3px 16px 3px 0; word-break: break-word; }
thead th { font-weight: 600; border-bottom: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, transparent)); }
tbody th { font-weight: normal; color: var(--vscode-descriptionForeground); white-space: nowrap; }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
pre { background: var(--vscode-textCodeBlock-background); padding: 10px; overflow: auto; white-space: pre-wrap; word-break: break-all; }
details summary { cursor: pointer; margin: 4px 0; }
ol.lineage li, ul li { margin: 2px 0; }
.cost { font-size: 1.05em; }
`;
