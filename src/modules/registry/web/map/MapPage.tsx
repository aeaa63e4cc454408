/**
 * The map of institutions: a choropleth by region or province (count or capacity), the
 * institutions with a position drawn as clusters in the same SVG, a legend, tooltips in the
 * user's language, a click on a region to see its provinces, and the same figures as a table
 * under the map (the text alternative, and the fallback when the boundaries cannot be drawn).
 */
import { useMemo, useState } from 'react';
import { Alert, Box, Button, Group, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ListTable, PageHeader, QueryStates, formatNumber, ui } from '../../../../platform/web/index.ts';
import { areas as areaValues, institutionStatuses, legalCategories } from '../../contract/enums.ts';
import type { MapArea, MapFilters, MapPoint } from '../../contract/map.ts';
import { MAP_HEIGHT, MAP_WIDTH, classColours, clusterColour, levels, mapTid, metrics, strokeColour, svgAttr, zeroColour, type Level, type Metric } from './constants.ts';
import { classBounds, classOf, clusters, project, type Shape } from './geo.ts';
import { useMapAreas, useMapPoints, useShapes } from './queries.ts';

const pointer = { cursor: 'pointer' } as const;

type Selected = Pick<MapArea, 'id' | 'iso' | 'nameAr' | 'nameFr'>;

export function MapPage() {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const [level, setLevel] = useState<Level>('region');
  const [metric, setMetric] = useState<Metric>('count');
  const [region, setRegion] = useState<Selected | null>(null);
  const [category, setCategory] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [area, setArea] = useState<string | null>(null);
  const [showPoints, setShowPoints] = useState(true);
  const filters: MapFilters = {
    ...(region && { region: region.id }),
    ...(category && { category: category as MapFilters['category'] }),
    ...(status && { status: status as MapFilters['status'] }),
    ...(area && { area: area as MapFilters['area'] }),
  };
  const areasQuery = useMapAreas(level, filters);
  const points = useMapPoints(filters, showPoints);
  const shapes = useShapes(level);
  const nameOf = (a: Pick<MapArea, 'nameAr' | 'nameFr'>) => (lang === 'fr' ? a.nameFr : a.nameAr);
  const metricLabel = t(`map.metrics.${metric}`);
  const levelLabel = t(`map.levels.${level}`);

  const openRegion = (a: MapArea) => {
    setRegion({ id: a.id, iso: a.iso, nameAr: a.nameAr, nameFr: a.nameFr });
    setLevel('province');
  };

  return (
    <Box data-testid={mapTid.page}>
      <PageHeader title={t('map.title')}>
        <Text c={ui.dimmed}>{t('map.intro')}</Text>
      </PageHeader>
      <Group mb={ui.md} align={ui.flexEnd} wrap={ui.wrap}>
        <Select
          label={t('map.level')}
          data={levels.map((l) => ({ value: l, label: t(`map.levels.${l}`) }))}
          value={level}
          allowDeselect={false}
          onChange={(v) => {
            setLevel((v as Level | null) ?? levels[0]);
            if (v === 'region') setRegion(null);
          }}
          w={{ base: '100%', sm: 180 }}
          data-testid={mapTid.level}
        />
        <Select
          label={t('map.metric')}
          data={metrics.map((m) => ({ value: m, label: t(`map.metrics.${m}`) }))}
          value={metric}
          allowDeselect={false}
          onChange={(v) => setMetric((v as Metric | null) ?? metrics[0])}
          w={{ base: '100%', sm: 220 }}
          data-testid={mapTid.metric}
        />
        <Select
          label={t('map.category')}
          placeholder={t('map.all')}
          data={legalCategories.map((c) => ({ value: c, label: t(`enums.legalCategory.${c}`) }))}
          value={category}
          onChange={setCategory}
          clearable
          w={{ base: '100%', sm: 280 }}
          data-testid={mapTid.category}
        />
        <Select
          label={t('map.status')}
          placeholder={t('map.all')}
          data={institutionStatuses.map((s) => ({ value: s, label: t(`enums.institutionStatus.${s}`) }))}
          value={status}
          onChange={setStatus}
          clearable
          w={{ base: '100%', sm: 200 }}
          data-testid={mapTid.status}
        />
        <Select
          label={t('map.area')}
          placeholder={t('map.all')}
          data={areaValues.map((a) => ({ value: a, label: t(`enums.area.${a}`) }))}
          value={area}
          onChange={setArea}
          clearable
          w={{ base: '100%', sm: 160 }}
          data-testid={mapTid.area2}
        />
        <Switch label={t('map.points')} checked={showPoints} onChange={(e) => setShowPoints(e.currentTarget.checked)} data-testid={mapTid.points} />
      </Group>
      {region && (
        <Group mb={ui.md}>
          <Text fw={500}>{t('map.region', { name: nameOf(region) })}</Text>
          <Button
            variant={ui.default}
            size={ui.xs}
            onClick={() => {
              setRegion(null);
              setLevel(levels[0]);
            }}
            data-testid={mapTid.back}
          >
            {t('map.allRegions')}
          </Button>
        </Group>
      )}
      <QueryStates query={areasQuery} empty={() => false}>
        {() => {
          const items = areasQuery.data!.items;
          return (
            <Stack>
              {shapes.data ? (
                <MapDrawing
                  shapes={shapes.data}
                  items={items}
                  level={level}
                  metric={metric}
                  region={region}
                  points={showPoints ? (points.data?.items ?? []) : []}
                  onOpenRegion={openRegion}
                />
              ) : (
                shapes.isPending && <Text role={ui.status}>{t('map.loading')}</Text>
              )}
              {showPoints && points.data && points.data.withoutPosition > 0 && (
                <Text size={ui.sm} c={ui.dimmed}>
                  {t('map.withoutPosition', { n: formatNumber(points.data.withoutPosition, lang) })}
                </Text>
              )}
              {showPoints && points.data?.truncated && (
                <Alert color={ui.orange} variant={ui.light}>
                  {t('map.truncated', { n: formatNumber(points.data.items.length, lang) })}
                </Alert>
              )}
              <AreaTable items={items} level={level} metricLabel={metricLabel} levelLabel={levelLabel} shapes={shapes.data} onOpenRegion={openRegion} />
            </Stack>
          );
        }}
      </QueryStates>
    </Box>
  );
}

interface DrawingProps {
  shapes: Shape[];
  items: MapArea[];
  level: Level;
  metric: Metric;
  region: Selected | null;
  points: MapPoint[];
  onOpenRegion: (a: MapArea) => void;
}

function MapDrawing({ shapes, items, level, metric, region, points, onOpenRegion }: DrawingProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const byIso = useMemo(() => new Map(items.filter((a) => a.iso).map((a) => [a.iso!, a])), [items]);
  // Inside a region, only its provinces are drawn (and the projection fits them).
  const shown = useMemo(() => (level === 'province' && region ? shapes.filter((s) => byIso.has(s.id)) : shapes), [shapes, level, region, byIso]);
  const projected = useMemo(() => project(shown.length > 0 ? shown : shapes), [shown, shapes]);
  const groups = useMemo(() => clusters(points, projected.projection, region ? 7 : 5), [points, projected, region]);
  const values = items.map((a) => a[metric]);
  const bounds = classBounds(Math.max(0, ...values));
  const metricLabel = t(`map.metrics.${metric}`);
  const n = (v: number) => formatNumber(v, lang);
  const largest = Math.max(1, ...groups.map((g) => g.count));
  return (
    <Group align={ui.flexStart} wrap={ui.wrap} gap={ui.lg}>
      <Box style={{ flex: '1 1 480px', maxWidth: 720 }}>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          width={svgAttr.full}
          role={svgAttr.group}
          aria-label={t('map.mapLabel', { metric: metricLabel, level: t(`map.levels.${level}`) })}
          data-testid={mapTid.svg}
        >
          {shown.map((shape) => {
            const data = byIso.get(shape.id);
            const value = data ? data[metric] : 0;
            const cls = classOf(value, bounds);
            const label = data ? t('map.areaTitle', { name: lang === 'fr' ? data.nameFr : data.nameAr, count: n(data.count), capacity: n(data.capacity) }) : shape.id;
            const clickable = level === 'region' && data !== undefined;
            return (
              <path
                key={shape.id}
                d={projected.path(shape)}
                fill={cls < 0 ? zeroColour : classColours[cls]}
                stroke={strokeColour}
                strokeWidth={0.6}
                data-testid={mapTid.area(shape.id)}
                data-value={value}
                {...(clickable && {
                  role: svgAttr.button,
                  tabIndex: 0,
                  'aria-label': `${label} — ${t('map.select', { name: lang === 'fr' ? data.nameFr : data.nameAr })}`,
                  style: pointer,
                  onClick: () => onOpenRegion(data),
                  onKeyDown: (e: React.KeyboardEvent) => {
                    if (e.key === 'Enter' || e.key === ' ') {
                      e.preventDefault();
                      onOpenRegion(data);
                    }
                  },
                })}
              >
                <title>{label}</title>
              </path>
            );
          })}
          {groups.map((g) => {
            const r = g.point ? 4 : 7 + 10 * Math.sqrt(g.count / largest);
            const title = g.point ? t('map.point', { name: lang === 'fr' ? g.point.nameFr : g.point.nameAr, capacity: n(g.point.capacity) }) : t('map.cluster', { count: n(g.count) });
            return (
              <g key={g.key} data-testid={g.point ? mapTid.point : mapTid.cluster}>
                <title>{title}</title>
                <circle cx={g.x} cy={g.y} r={r} fill={clusterColour} fillOpacity={0.85} stroke={svgAttr.white} strokeWidth={1.5} />
                {!g.point && (
                  <text x={g.x} y={g.y} textAnchor={svgAttr.middle} dominantBaseline={svgAttr.central} fontSize={11} fill={svgAttr.white} fontWeight={700}>
                    {n(g.count)}
                  </text>
                )}
              </g>
            );
          })}
        </svg>
      </Box>
      <Legend bounds={bounds} metricLabel={metricLabel} />
    </Group>
  );
}

function Legend({ bounds, metricLabel }: { bounds: number[]; metricLabel: string }) {
  const { t, i18n } = useTranslation('registry');
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <Stack gap={ui.xs} data-testid={mapTid.legend}>
      <Title order={2} size={ui.h5}>
        {t('map.legend', { metric: metricLabel })}
      </Title>
      <Group gap={ui.xs}>
        <Swatch colour={zeroColour} />
        <Text size={ui.sm}>{t('map.legendZero')}</Text>
      </Group>
      {bounds.map((upper, i) => (
        <Group gap={ui.xs} key={upper}>
          <Swatch colour={classColours[i]!} />
          <Text size={ui.sm}>{t('map.legendRange', { from: n(i === 0 ? 1 : bounds[i - 1]! + 1), to: n(upper) })}</Text>
        </Group>
      ))}
    </Stack>
  );
}

function Swatch({ colour }: { colour: string }) {
  return <Box w={20} h={14} style={{ background: colour, border: `1px solid ${strokeColour}` }} aria-hidden />;
}

interface TableProps {
  items: MapArea[];
  level: Level;
  metricLabel: string;
  levelLabel: string;
  shapes: Shape[] | undefined;
  onOpenRegion: (a: MapArea) => void;
}

function AreaTable({ items, level, metricLabel, levelLabel, shapes, onOpenRegion }: TableProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const n = (v: number) => formatNumber(v, lang);
  const drawn = new Set(shapes?.map((s) => s.id));
  // Areas of our reference data with no boundary in the TopoJSON (none today: all 12 regions and
  // 75 provinces match) are named, so a mismatch never hides figures silently.
  const missing = shapes ? items.filter((a) => !a.iso || !drawn.has(a.iso)) : [];
  const total = items.reduce((s, a) => ({ count: s.count + a.count, capacity: s.capacity + a.capacity }), { count: 0, capacity: 0 });
  return (
    <>
      {missing.length > 0 && (
        <Text size={ui.sm} c={ui.dimmed}>
          {t('map.noShape', { names: missing.map((a) => (lang === 'fr' ? a.nameFr : a.nameAr)).join(lang === 'fr' ? ', ' : '، ') })}
        </Text>
      )}
      <ListTable minWidth={520} testId={mapTid.table} caption={t('map.table', { metric: metricLabel, level: levelLabel })} headers={[t('map.name'), t('map.code'), t('map.count'), t('map.capacity')]}>
        {items.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Th scope={ui.row} fw={500}>
              {level === 'region' ? (
                <Button variant={ui.subtle} size={svgAttr.compactSm} onClick={() => onOpenRegion(a)} data-testid={mapTid.select(a.iso ?? a.code)} aria-label={t('map.select', { name: lang === 'fr' ? a.nameFr : a.nameAr })}>
                  {lang === 'fr' ? a.nameFr : a.nameAr}
                </Button>
              ) : lang === 'fr' ? (
                a.nameFr
              ) : (
                a.nameAr
              )}
            </Table.Th>
            <Table.Td className="raaya-ltr">{a.iso ?? a.code}</Table.Td>
            <Table.Td>{n(a.count)}</Table.Td>
            <Table.Td>{n(a.capacity)}</Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Th scope={ui.row}>{t('map.total')}</Table.Th>
          <Table.Td />
          <Table.Td>{n(total.count)}</Table.Td>
          <Table.Td>{n(total.capacity)}</Table.Td>
        </Table.Tr>
      </ListTable>
    </>
  );
}
