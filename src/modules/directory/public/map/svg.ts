/** The map as SVG text: the areas of a view, and the points with their names as titles. */
import type { View } from './shapes.ts';

export interface MapPoint {
  name: string;
  lat: number;
  lon: number;
}

/** More points than this add weight and no reading: the list beside the map names them all. */
export const MAX_POINTS = 400;

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const round1 = (n: number) => Math.round(n * 10) / 10;

export function mapSvg(view: View, size: { width: number; height: number }, title: string, points: MapPoint[], radius = 5): string {
  const circles = points.slice(0, MAX_POINTS).flatMap((p) => {
    const xy = view.projection([p.lon, p.lat]);
    if (!xy || xy[0] < 0 || xy[1] < 0 || xy[0] > size.width || xy[1] > size.height) return [];
    return [`<circle cx="${round1(xy[0])}" cy="${round1(xy[1])}" r="${radius}"><title>${escapeXml(p.name)}</title></circle>`];
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" role="img">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="100%" height="100%" fill="#eaf2fb"/>` +
    `<g fill="#ffffff" stroke="#6b7280" stroke-width="0.8" stroke-linejoin="round">${view.paths}</g>` +
    `<g fill="#b35900" stroke="#ffffff" stroke-width="1.5">${circles.join('')}</g>` +
    `</svg>`
  );
}
