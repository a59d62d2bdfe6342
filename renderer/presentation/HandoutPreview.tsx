import { useEffect, useRef } from 'react';
import { MARGIN_MM, sheetMeasures, type Paper } from '../../shared/presentation/handoutStyles';
import { handoutPreviewParts } from './handoutPreviewParts';

interface HandoutPreviewProps {
  /** The handout exactly as renderHandoutHtml made it for printing. */
  html: string;
  paper: Paper;
}

/**
 * Shows the handout's own HTML, the very document that is printed, scaled
 * down on white sheets. Not an iframe: the app's CSP (default-src 'none')
 * leaves no frame-src, and a srcdoc frame would inherit the page's
 * style-src 'self' and lose the handout's inline <style>. Instead the body
 * is parsed inert with DOMParser (see handoutPreviewParts) and placed in a
 * shadow root, which keeps the handout's styles and the app's apart; its CSS
 * goes in as a constructed stylesheet and its few style attributes through
 * the CSSOM, neither of which the CSP governs. Parsed this way, nothing in
 * it can run.
 */
export function HandoutPreview({ html, paper }: HandoutPreviewProps) {
  const hostRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const shadow = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const parts = handoutPreviewParts(html);
    const parsed = new DOMParser().parseFromString(parts.markup, 'text/html');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(`${parts.css}\n${previewCss(paper)}`);
    shadow.adoptedStyleSheets = [sheet];

    const body = document.createElement('div');
    body.className = `handout-body ${parsed.body.className}`;
    body.append(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
    for (const element of body.querySelectorAll<HTMLElement | SVGElement>('[data-preview-style]')) {
      element.style.cssText = element.getAttribute('data-preview-style') ?? '';
      element.removeAttribute('data-preview-style');
    }
    shadow.replaceChildren(body);
  }, [html, paper]);

  return <div ref={hostRef} className="handout-preview" data-testid="handout-preview" role="document" aria-label="Preview of the handout" tabIndex={0} />;
}

/** Each printed sheet on screen: its printable box, with the paper's margins drawn around it in white. */
function previewCss(paper: Paper): string {
  const { width } = sheetMeasures(paper);
  return `
.handout-body { zoom: 0.62; padding: ${MARGIN_MM}mm 0; background: #e4e2dc; }
.sheet { width: ${width}mm; margin: 0 auto ${2 * MARGIN_MM + 6}mm; background: #ffffff; box-shadow: 0 0 0 ${MARGIN_MM}mm #ffffff, 0 0 0 calc(${MARGIN_MM}mm + 1px) #c9c5bb; }
.sheet:last-child { margin-bottom: 0; }
`;
}
