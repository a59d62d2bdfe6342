/** The pixel size of a PNG drawn from an SVG of `size` CSS pixels at `scale` (2 or 3): each side rounded to whole pixels. */
export function pngPixelSize(size: { width: number; height: number }, scale: number): { width: number; height: number } {
  return { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
}

/**
 * Draws an SVG picture onto a canvas `scale` times its size and encodes it
 * as PNG. The SVG goes in through a Blob URL (allowed by the page's CSP for
 * images); as an image it can run nothing and load nothing, and an SVG
 * without foreignObject leaves the canvas readable.
 */
export async function pngFromSvg(svg: string, size: { width: number; height: number }, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const pixels = pngPixelSize(size, scale);
    const canvas = document.createElement('canvas');
    canvas.width = pixels.width;
    canvas.height = pixels.height;
    const context = canvas.getContext('2d');
    if (context === null) throw new Error('This window cannot draw pictures (no 2D canvas), so the PNG could not be made. Export as SVG instead.');
    context.drawImage(image, 0, 0, pixels.width, pixels.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob === null ? reject(new Error('The PNG could not be encoded; try 2x, or export as SVG.')) : resolve(blob)), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
