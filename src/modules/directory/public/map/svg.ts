/** The map as SVG text: the areas of a view, and the points with their names as titles. */
import type { View } from './shapes.ts';

export interface MapPoint {
  name: string;
  lat: number;
  lon: number;
}

/**
 * Points drawn with their name as a title; beyond, the others are drawn as plain dots, one per
 * pixel at most, in a single path (a national search of 5,000 results stays a light image).
 */
export const MAX_TITLED = 400;

export const escapeXml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

const round1 = (n: number) => Math.round(n * 10) / 10;

export function mapSvg(view: View, size: { width: number; height: number }, title: string, points: MapPoint[], radius = 5): string {
  const inside = (p: MapPoint): [number, number] | null => {
    const xy = view.projection([p.lon, p.lat]);
    return xy && xy[0] >= 0 && xy[1] >= 0 && xy[0] <= size.width && xy[1] <= size.height ? xy : null;
  };
  const circles = points.slice(0, MAX_TITLED).flatMap((p) => {
    const xy = inside(p);
    return xy ? [`<circle cx="${round1(xy[0])}" cy="${round1(xy[1])}" r="${radius}"><title>${escapeXml(p.name)}</title></circle>`] : [];
  });
  const dots = new Set(points.slice(MAX_TITLED).flatMap((p) => {
    const xy = inside(p);
    return xy ? [`M${Math.round(xy[0])} ${Math.round(xy[1])}h0`] : [];
  }));
  const rest = dots.size > 0 ? `<path d="${[...dots].join('')}" stroke="#b35900" stroke-width="${radius * 2}" stroke-linecap="round"/>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" role="img">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="100%" height="100%" fill="#eaf2fb"/>` +
    `<g fill="#ffffff" stroke="#6b7280" stroke-width="0.8" stroke-linejoin="round">${view.paths}</g>` +
    rest +
    `<g fill="#b35900" stroke="#ffffff" stroke-width="1.5">${circles.join('')}</g>` +
    `</svg>`
  );
}
