/** A handout split for an on-screen preview under the app's CSP: its CSS, and its markup with no inline style left in it. */
export interface HandoutPreviewParts {
  /** The handout's stylesheet, with its body rules aimed at the `.handout-body` element that stands in for <body>. */
  css: string;
  /** The document with its <style> removed and every style attribute renamed data-preview-style. */
  markup: string;
}

/**
 * Takes a handout from renderHandoutHtml apart for the preview. Even an
 * inert DOMParser document reports inline styles to the page's CSP, so they
 * are taken out of the text before parsing. The template escapes every
 * quote and angle bracket of a case's text, so these patterns can only
 * match the template's own markup.
 */
export function handoutPreviewParts(html: string): HandoutPreviewParts {
  const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1]).join('\n');
  return {
    css: css.replace(/(^|\n)\s*body\s*\{/g, '$1.handout-body {'),
    markup: html.replace(/<style>[\s\S]*?<\/style>/g, '').replaceAll(' style="', ' data-preview-style="'),
  };
}
