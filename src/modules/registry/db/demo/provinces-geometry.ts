/**
 * Province boundaries from the `morocco-map` package (TopoJSON, provinces keyed by their ISO
 * 3166-2 code, the same code as territory.provinces.iso_code), used to place generated communes and
 * institutions inside their own province rather than anywhere in a bounding box.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Random } from './random.ts';

type Ring = [lon: number, lat: number][];

export interface ProvinceShape {
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number];
  /** Polygons, each as its rings (outer first, then holes). */
  polygons: Ring[][];
}

export async function loadProvinceShapes(): Promise<Map<string, ProvinceShape>> {
  const file = createRequire(import.meta.url).resolve('morocco-map/data/provinces.json');
  const topology = JSON.parse(await readFile(file, 'utf8')) as Topology<{ provinces: GeometryCollection }>;
  const collection = feature(topology, topology.objects.provinces);
  const shapes = new Map<string, ProvinceShape>();
  for (const f of collection.features) {
    const geometry = f.geometry;
    const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : []) as Ring[][];
    const bbox: ProvinceShape['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const polygon of polygons) {
      for (const [lon, lat] of polygon[0] ?? []) {
        bbox[0] = Math.min(bbox[0], lon);
        bbox[1] = Math.min(bbox[1], lat);
        bbox[2] = Math.max(bbox[2], lon);
        bbox[3] = Math.max(bbox[3], lat);
      }
    }
    shapes.set(String(f.id), { bbox, polygons });
  }
  return shapes;
}

/** Even-odd ray casting over all rings, so holes are outside. */
export function contains(shape: ProvinceShape, lat: number, lon: number): boolean {
  for (const polygon of shape.polygons) {
    let inside = false;
    for (const ring of polygon) {
      for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
        const [xi, yi] = ring[i]!;
        const [xj, yj] = ring[j]!;
        if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
      }
    }
    if (inside) return true;
  }
  return false;
}

/** A point drawn uniformly inside the province (rejection sampling in its bounding box). */
export function randomPointIn(shape: ProvinceShape, random: Random): { lat: number; lon: number } {
  const [minLon, minLat, maxLon, maxLat] = shape.bbox;
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const lon = minLon + random.next() * (maxLon - minLon);
    const lat = minLat + random.next() * (maxLat - minLat);
    if (contains(shape, lat, lon)) return { lat, lon };
  }
  throw new Error('no point found inside the province');
}
