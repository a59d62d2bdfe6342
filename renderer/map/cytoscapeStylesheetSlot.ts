// Cytoscape prepends an inline <style> to <head> (one rule: its container is
// position: relative) unless an element with this id already exists. The
// page's CSP forbids inline styles, so styles.css carries that rule and this
// placeholder stops Cytoscape from trying, which would log a CSP violation.
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';

/** Makes sure Cytoscape will not inject the inline stylesheet the CSP refuses. */
export function claimCytoscapeStylesheetSlot(doc: Document): void {
  if (doc.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const placeholder = doc.createElement('meta');
  placeholder.id = CYTOSCAPE_STYLESHEET_ID;
  doc.head.appendChild(placeholder);
}
