/**
 * The identity fields of a person, controlled (the reception form keeps them in its draft, the
 * person page in its edit form). Large inputs with the right keyboards (digits for phone and
 * dates), names in both scripts (each input in its own direction), the commune of residence found
 * by its name anywhere in the country.
 */
import { Radio, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ui } from '../../../../platform/web/index.ts';
import { CommuneSearch, type CommuneName } from '../../../territory/web/index.ts';
import { birthDatePrecisions, familyStatuses, schoolingLevels, sexes } from '../../contract/enums.ts';
import { fld, val } from './constants.ts';

export interface PersonDraft {
  firstNameAr: string;
  lastNameAr: string;
  firstNameLat: string;
  lastNameLat: string;
  sex: 'male' | 'female' | '';
  birthDate: string;
  /** Only the year is known: written as 1 January of that year. */
  birthYearOnly: boolean;
  birthPlace: string;
  cnie: string;
  idcs: string;
  phone: string;
  address: string;
  communeId: string;
  /** The commune's names, to show it before any search. */
  commune: CommuneName | null;
  familyStatus: string;
  schoolingLevel: string;
}

export const emptyPerson: PersonDraft = {
  firstNameAr: '', lastNameAr: '', firstNameLat: '', lastNameLat: '', sex: '', birthDate: '', birthYearOnly: false, birthPlace: '',
  cnie: '', idcs: '', phone: '', address: '', communeId: '', commune: null, familyStatus: '', schoolingLevel: '',
};

/** The draft as the API's body (blank fields absent, the year form as 1 January). */
export function personBody(d: PersonDraft): Record<string, unknown> {
  const year = d.birthYearOnly ? d.birthDate.slice(0, 4) : '';
  return {
    firstNameAr: d.firstNameAr, lastNameAr: d.lastNameAr, firstNameLat: d.firstNameLat, lastNameLat: d.lastNameLat,
    sex: d.sex || undefined,
    birthDate: d.birthYearOnly ? (year ? `${year}-01-01` : null) : d.birthDate || null,
    birthDatePrecision: d.birthYearOnly ? 'year' : 'exact',
    birthPlace: d.birthPlace, cnie: d.cnie, idcs: d.idcs, phone: d.phone, address: d.address, communeId: d.communeId || null,
    familyStatus: d.familyStatus || null, schoolingLevel: d.schoolingLevel || null,
  };
}

interface Props {
  value: PersonDraft;
  onChange: (next: PersonDraft) => void;
  errors: Record<string, string>;
  /** Fewer fields (reception on a phone): identity and contact only. */
  short?: boolean;
}

type TextKey = 'firstNameAr' | 'lastNameAr' | 'firstNameLat' | 'lastNameLat' | 'birthPlace' | 'cnie' | 'idcs' | 'phone' | 'address';
type Spec = readonly [TextKey, 'rtl' | 'ltr' | undefined, 'tel' | 'numeric' | undefined];
const NAMES: Spec[] = [['firstNameAr', val.rtl, undefined], ['lastNameAr', val.rtl, undefined], ['firstNameLat', val.ltr, undefined], ['lastNameLat', val.ltr, undefined]];
const CONTACT: Spec[] = [['cnie', val.ltr, undefined], ['phone', val.ltr, val.tel]];
const MORE: Spec[] = [['idcs', val.ltr, val.numeric], ['birthPlace', undefined, undefined]];
const ADDRESS: Spec = ['address', undefined, undefined];
const ids = { sex: fld('sex'), birthDate: fld('birthDate'), birthYearOnly: fld('birthYearOnly'), commune: fld('commune') };
const [EXACT, YEAR] = birthDatePrecisions;

export function PersonFields({ value, onChange, errors, short }: Props) {
  const { t } = useTranslation('beneficiaries');
  const text = ([key, dir, inputMode]: Spec) => (
    <TextInput
      key={key}
      size={ui.lg}
      label={t(`persons.fields.${key}`)}
      value={value[key]}
      onChange={(e) => onChange({ ...value, [key]: e.currentTarget.value })}
      error={errors[key]}
      dir={dir}
      inputMode={inputMode}
      data-testid={fld(key)}
    />
  );
  const onSex = (v: string) => onChange({ ...value, sex: v as PersonDraft['sex'] });
  const onBirth = (v: string) => onChange({ ...value, birthDate: v });
  const onPrecision = (v: string) => onChange({ ...value, birthYearOnly: v === YEAR, birthDate: '' });
  const onFamily = (v: string | null) => onChange({ ...value, familyStatus: v ?? '' });
  const onSchooling = (v: string | null) => onChange({ ...value, schoolingLevel: v ?? '' });
  const precision = value.birthYearOnly ? YEAR : EXACT;
  const birthShown = value.birthYearOnly ? value.birthDate.slice(0, 4) : value.birthDate;
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>{NAMES.map(text)}</SimpleGrid>
      <Radio.Group label={t('persons.fields.sex')} value={value.sex} onChange={onSex} error={errors.sex} withAsterisk data-testid={ids.sex}>
        <Group mt={ui.xs}>
          {sexes.map((s) => (
            <Radio key={s} size={ui.lg} value={s} label={t(`enums.sex.${s}`)} />
          ))}
        </Group>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          size={ui.lg}
          type={value.birthYearOnly ? val.number : val.date}
          label={value.birthYearOnly ? t('persons.fields.birthYear') : t('persons.fields.birthDate')}
          value={birthShown}
          onChange={(e) => onBirth(e.currentTarget.value)}
          error={errors.birthDate}
          inputMode={val.numeric}
          data-testid={ids.birthDate}
        />
        <Radio.Group label={t('persons.fields.birthPrecision')} value={precision} onChange={onPrecision}>
          <Group mt={ui.xs}>
            {birthDatePrecisions.map((p) => (
              <Radio key={p} size={ui.md} value={p} label={t(`enums.birthDatePrecision.${p}`)} data-testid={p === YEAR ? ids.birthYearOnly : undefined} />
            ))}
          </Group>
        </Radio.Group>
        {CONTACT.map(text)}
        {!short && MORE.map(text)}
        <CommuneSearch
          label={t('persons.fields.commune')}
          size={ui.lg}
          value={value.communeId || null}
          selected={value.commune}
          onChange={(communeId, commune) => onChange({ ...value, communeId: communeId ?? '', commune })}
          error={errors.communeId}
          testId={ids.commune}
        />
      </SimpleGrid>
      {!short && (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text(ADDRESS)}
          <Select
            size={ui.lg}
            label={t('persons.fields.familyStatus')}
            data={familyStatuses.map((s) => ({ value: s, label: t(`enums.familyStatus.${s}`) }))}
            value={value.familyStatus || null}
            onChange={onFamily}
            clearable
            error={errors.familyStatus}
          />
          <Select
            size={ui.lg}
            label={t('persons.fields.schoolingLevel')}
            data={schoolingLevels.map((s) => ({ value: s, label: t(`enums.schoolingLevel.${s}`) }))}
            value={value.schoolingLevel || null}
            onChange={onSchooling}
            clearable
            error={errors.schoolingLevel}
          />
        </SimpleGrid>
      )}
    </>
  );
}
