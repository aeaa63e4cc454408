/**
 * "Is this person already known somewhere?" before creating a record: the national candidates of
 * the names (in either script), birth date, identifiers and parents entered here.
 */
import { useState, type FormEvent } from 'react';
import { Button, Grid, Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader, ui } from '../../../../platform/web/index.ts';
import type { MatchInput } from '../../contract/matching.ts';
import { CandidatesPanel } from './CandidatesPanel.tsx';
import { BIRTH_DATE, SEX, dateInput, sexes, submitType, tid } from './constants.ts';

const textFields = ['firstNameAr', 'lastNameAr', 'firstNameLat', 'lastNameLat', 'cnie', 'fatherName', 'motherName', 'birthPlace'] as const;
type Field = (typeof textFields)[number] | 'birthDate';
const rtlFields = new Set<Field>(['firstNameAr', 'lastNameAr']);

export function DuplicateCheckPage() {
  const { t } = useTranslation('beneficiaries');
  const [values, setValues] = useState<Record<Field, string>>({
    firstNameAr: '', lastNameAr: '', firstNameLat: '', lastNameLat: '', cnie: '', fatherName: '', motherName: '', birthPlace: '', birthDate: '',
  });
  const [sex, setSex] = useState<'male' | 'female' | null>(null);
  const [input, setInput] = useState<MatchInput | null>(null);
  const set = (field: Field) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [field]: value }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: MatchInput = { sex };
    for (const f of [...textFields, 'birthDate'] as const) body[f] = values[f].trim() || null;
    setInput(body);
  };
  return (
    <>
      <PageHeader title={t('matching.check.title')} />
      <form onSubmit={submit} data-testid={tid.checkForm}>
        <Grid mb={ui.md}>
          {textFields.map((f) => (
            <Grid.Col key={f} span={{ base: 12, sm: 6, md: 3 }}>
              <TextInput
                label={t(`matching.fields.${f}`)}
                value={values[f]}
                onChange={set(f)}
                size={ui.md}
                dir={rtlFields.has(f) ? ui.rtl : undefined}
                data-testid={tid.field(f)}
              />
            </Grid.Col>
          ))}
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <TextInput type={dateInput} label={t('matching.fields.birthDate')} value={values.birthDate} onChange={set(BIRTH_DATE)} size={ui.md} data-testid={tid.field(BIRTH_DATE)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
            <Select
              label={t('matching.fields.sex')}
              data={sexes.map((s) => ({ value: s, label: t(`enums.sex.${s}`) }))}
              value={sex}
              onChange={(v) => setSex(v as 'male' | 'female' | null)}
              clearable
              size={ui.md}
              data-testid={tid.field(SEX)}
            />
          </Grid.Col>
        </Grid>
        <Button type={submitType} size={ui.md} mb={ui.md} data-testid={tid.checkSubmit}>
          {t('matching.check.submit')}
        </Button>
      </form>
      {input && <CandidatesPanel input={input} />}
    </>
  );
}
