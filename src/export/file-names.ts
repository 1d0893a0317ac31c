/** Characters Windows, macOS or a USB stick's FAT do not allow in a file name. */
const FORBIDDEN = /[\\/:*?"<>|]/g;
const MAX_LENGTH = 120;

/**
 * A file name a user recognises in their downloads folder, e.g. `2021年调解成功率排名.png`.
 * Forbidden characters become `_` (the full-width `：` of a title is allowed and kept).
 */
export function fileName(base: string, extension: string): string {
  const printable = [...base].map((char) => ((char.codePointAt(0) ?? 0) < 0x20 ? ' ' : char)).join('');
  const clean = printable.replace(FORBIDDEN, '_').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  const stem = [...(clean === '' ? 'export' : clean)].slice(0, MAX_LENGTH).join('');
  return `${stem}.${extension}`;
}

/** The PNG at 2× is the ordinary one; 3× says so: `2021年调解成功率排名_3倍.png`. */
export function pngFileName(title: string, pixelRatio: number, suffix: (ratio: number) => string): string {
  return fileName(pixelRatio === 2 ? title : `${title}${suffix(pixelRatio)}`, 'png');
}

/** 2024-05-01 as the date in a file name or on a slide, in the user's time zone. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
