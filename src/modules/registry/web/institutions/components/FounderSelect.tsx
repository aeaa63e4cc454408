/**
 * Picks the founder (an association, a person, a public body or a company) by typing part of its
 * name in Arabic or Latin letters; the associations list searches on the server.
 */
import { useEffect, useState } from 'react';
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { nameIn } from '../../../../../platform/web/index.ts';
import { useFounders } from '../queries.ts';

export interface FounderOption {
  id: string;
  nameAr: string;
  nameFr: string;
}

export function FounderSelect(props: {
  label: string;
  value: string | null;
  /** The founder already chosen (editing), so its name shows before any search. */
  initial?: FounderOption;
  onChange: (id: string | null) => void;
  error?: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setQ(search), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const founders = useFounders(q);
  const [chosen, setChosen] = useState<FounderOption | undefined>(props.initial);
  const found = founders.data?.items ?? [];
  const options = [...(chosen && !found.some((f) => f.id === chosen.id) ? [chosen] : []), ...found];
  return (
    <Select
      label={props.label}
      required
      searchable
      placeholder={t('institutions.founderPicker.placeholder')}
      nothingFoundMessage={t('institutions.founderPicker.nothing')}
      data={options.map((f) => ({ value: f.id, label: nameIn(f, lang) }))}
      // The server has already filtered by the typed name (folded, both scripts).
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      value={props.value}
      onChange={(id) => {
        setChosen(options.find((f) => f.id === id));
        props.onChange(id);
      }}
      error={props.error}
      data-testid={props.testId}
    />
  );
}
