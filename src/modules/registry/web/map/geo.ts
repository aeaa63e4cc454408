/**
 * Boundaries of the map: the `morocco-map` TopoJSON files (regions MA-01…MA-12, provinces by
 * their ISO 3166-2 code) are bundled as static assets and fetched from our own server, so the map
 * works offline; d3-geo projects them into the SVG and supercluster groups the points.
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import Supercluster from 'supercluster';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import regionsUrl from 'morocco-map/data/regions.json?url';
import provincesUrl from 'morocco-map/data/provinces.json?url';
import type { MapPoint } from '../../contract/map.ts';
import { MAP_HEIGHT, MAP_WIDTH, type Level } from './constants.ts';

export type Shape = Feature<Geometry, Record<string, unknown>> & { id: string };

export async function loadShapes(level: Level): Promise<Shape[]> {
  const response = await fetch(level === 'region' ? regionsUrl : provincesUrl, { credentials: 'same-origin' });
  if (!response.ok) throw new Error(`map shapes: ${response.status}`);
  const topology = (await response.json()) as Topology<Record<string, GeometryCollection>>;
  const object = topology.objects[level === 'region' ? 'regions' : 'provinces']!;
  const collection = feature(topology, object) as FeatureCollection<Geometry, Record<string, unknown>>;
  return collection.features.filter((f): f is Shape => typeof f.id === 'string');
}

export interface Projected {
  projection: GeoProjection;
  path: (shape: Shape) => string;
}

/** A Mercator projection fitted to the shapes shown (all of Morocco, or one region's provinces). */
export function project(shapes: Shape[]): Projected {
  const projection = geoMercator().fitExtent(
    [
      [8, 8],
      [MAP_WIDTH - 8, MAP_HEIGHT - 8],
    ],
    { type: 'FeatureCollection', features: shapes },
  );
  const draw = geoPath(projection);
  return { projection, path: (shape) => draw(shape) ?? '' };
}

export interface Cluster {
  key: string;
  x: number;
  y: number;
  count: number;
  /** The institution when the cluster is a single point. */
  point?: MapPoint;
}

/** Groups the points at a zoom that suits the view (the whole country, or one region). */
export function clusters(points: MapPoint[], projection: GeoProjection, zoom: number): Cluster[] {
  const index = new Supercluster<{ point: MapPoint }>({ radius: 40, maxZoom: 16 });
  index.load(points.map((point) => ({ type: 'Feature', properties: { point }, geometry: { type: 'Point', coordinates: [point.lon, point.lat] } })));
  return index.getClusters([-18, 20, 0, 36.5], zoom).flatMap((c): Cluster[] => {
    const xy = projection(c.geometry.coordinates as [number, number]);
    if (!xy) return [];
    const props = c.properties as { cluster?: boolean; point_count?: number; cluster_id?: number; point?: MapPoint };
    return props.cluster
      ? [{ key: `c${props.cluster_id}`, x: xy[0], y: xy[1], count: props.point_count ?? 0 }]
      : [{ key: props.point!.id, x: xy[0], y: xy[1], count: 1, point: props.point! }];
  });
}

/** Upper bounds of five classes of equal width (rounded up), for the choropleth and its legend. */
export function classBounds(max: number): number[] {
  if (max <= 0) return [];
  const step = Math.max(1, Math.ceil(max / 5));
  return [1, 2, 3, 4, 5].map((i) => Math.min(max, step * i)).filter((b, i, all) => i === 0 || b > all[i - 1]!);
}

export const classOf = (value: number, bounds: number[]): number => (value <= 0 ? -1 : bounds.findIndex((b) => value <= b));
