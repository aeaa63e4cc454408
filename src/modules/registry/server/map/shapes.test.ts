/**
 * The map's boundaries (`morocco-map` TopoJSON) are keyed by ISO 3166-2 codes, like our territory
 * reference data: every region and province must have its shape, and every shape its area, or
 * the choropleth would drop figures silently (the page names any area left without a shape).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import reference from '../../../territory/db/morocco-territory-2015.json' with { type: 'json' };

const require = createRequire(import.meta.url);
type Topo = { objects: Record<string, { geometries: { id?: string }[] }> };
const idsOf = (file: string, object: string) => (require(`morocco-map/data/${file}.json`) as Topo).objects[object]!.geometries.map((g) => g.id);

describe('morocco-map boundaries', () => {
  it('has exactly one shape per region of the 2015 division (MA-01 … MA-12)', () => {
    const ours = reference.regions.map((r) => r.iso3166_2).sort();
    expect(idsOf('regions', 'regions').sort()).toEqual(ours);
    expect(ours).toHaveLength(12);
  });

  it('has exactly one shape per prefecture or province, by the same ISO codes as territory.provinces', () => {
    const ours = reference.regions.flatMap((r) => r.prefectures_provinces.map((p) => p.iso3166_2)).sort();
    expect(ours).toHaveLength(75);
    expect(idsOf('provinces', 'provinces').sort()).toEqual(ours);
  });
});
