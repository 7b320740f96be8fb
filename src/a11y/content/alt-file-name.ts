/**
 * Alt text that is only a file name ("servo_wiring.png", "IMG_2041", "setup-screen" for
 * setup-screen.png): it names a file and says nothing of what the image shows. Shared by
 * alt-text-quality (which reports it) and sensory-language (where such alt text does not
 * describe the image that "the picture below" points to).
 */

/** Extensions of image files. */
const IMAGE_EXT = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'bmp', 'tif', 'tiff', 'ico', 'avif', 'heic', 'jfif']);
/** Names cameras and screenshot tools give files: IMG_1234, DSC01234, PXL_2023…, "Screen Shot 2021-03-04 at …". */
const CAMERA = /^(?:img|dsc|dscn|dscf|dcim|pxl|mvimg|screen ?shot|screenshot|capture|image|photo)[ _-]?\d/i;

/** The alt text (trimmed, spaces folded) is a file name, or a copy of the image's own file name (`src`). */
export function isFileName(alt: string, src: string): boolean {
  if (/\s/.test(alt)) return CAMERA.test(alt);
  const dot = alt.lastIndexOf('.');
  if (dot > 0 && IMAGE_EXT.has(alt.slice(dot + 1).toLowerCase())) return true;
  if (CAMERA.test(alt)) return true;
  // snake_case or a copy of the file's own name with its separators ("setup-screen" for setup-screen.png).
  if (alt.length >= 3 && alt.includes('_') && /\p{L}/u.test(alt)) return true;
  const file = src.split(/[?#]/)[0];
  const stem = file.slice(file.lastIndexOf('/') + 1).replace(/\.[a-z0-9]+$/i, '');
  return stem.length >= 3 && stem.toLowerCase() === alt.toLowerCase() && /[-.\d]/.test(alt);
}
