/** Identity tab: names, category and centre type, founder, place and position, contact, licence. */
import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadingState, formatDate, listIn, nameIn, ui } from '../../../../../platform/web/index.ts';
import type { InstitutionTabProps } from '../../institution-tabs.ts';
import { useInstitution } from '../queries.ts';
import { tid } from '../constants.ts';
import { Field } from '../components/Field.tsx';

export function IdentityTab({ institutionId }: InstitutionTabProps) {
  const { t, i18n } = useTranslation('registry');
  const lang = i18n.language;
  const { data: inst } = useInstitution(institutionId);
  if (!inst) return <LoadingState />;
  const none = t('institutions.form.none');
  return (
    <Stack gap={ui.md} data-testid={tid.identity}>
      <Card withBorder>
        <Title order={2} size={ui.h4} mb={ui.sm}>
          {t('institutions.form.identity')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('institutions.fields.nameAr')} lang={ui.ar}>{inst.nameAr}</Field>
          <Field label={t('institutions.fields.nameFr')} lang={ui.fr}>{inst.nameFr}</Field>
          <Field label={t('institutions.fields.legalCategory')}>{inst.legalCategory ? t(`enums.legalCategory.${inst.legalCategory}`) : none}</Field>
          <Field label={t('institutions.fields.centreType')}>{inst.centreType ? t(`enums.centreType.${inst.centreType}`) : none}</Field>
          <Field label={t('institutions.fields.associationId')}>{nameIn({ nameAr: inst.associationNameAr, nameFr: inst.associationNameFr }, lang)}</Field>
          <Field label={t('institutions.fields.status')}>{t(`enums.institutionStatus.${inst.status}`)}</Field>
          <Field label={t('institutions.fields.licenceNumber')}>{inst.licenceNumber ?? none}</Field>
          <Field label={t('institutions.fields.licenceDate')}>{inst.licenceDate ? formatDate(inst.licenceDate, lang) : none}</Field>
          <Field label={t('institutions.fields.openedOn')}>{inst.openedOn ? formatDate(inst.openedOn, lang) : none}</Field>
          <Field label={t('institutions.fields.targetGroups')}>{inst.targetGroups.length ? listIn(inst.targetGroups.map((g) => t(`enums.targetGroup.${g}`)), lang) : none}</Field>
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={2} size={ui.h4} mb={ui.sm}>
          {t('institutions.form.place')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('institutions.fields.region')}>{nameIn({ nameAr: inst.regionNameAr, nameFr: inst.regionNameFr }, lang)}</Field>
          <Field label={t('institutions.fields.province')}>{nameIn({ nameAr: inst.provinceNameAr, nameFr: inst.provinceNameFr }, lang)}</Field>
          <Field label={t('institutions.fields.delegation')}>{inst.delegationNameAr && inst.delegationNameFr ? nameIn({ nameAr: inst.delegationNameAr, nameFr: inst.delegationNameFr }, lang) : none}</Field>
          <Field label={t('institutions.fields.commune')}>{nameIn({ nameAr: inst.communeNameAr, nameFr: inst.communeNameFr }, lang)}</Field>
          <Field label={t('institutions.fields.area')}>{t(`enums.area.${inst.area}`)}</Field>
          <Field label={t('institutions.fields.mode')}>{t(`enums.careMode.${inst.mode}`)}</Field>
          <Field label={t('institutions.fields.addressAr')} lang={ui.ar}>{inst.addressAr ?? none}</Field>
          <Field label={t('institutions.fields.addressFr')} lang={ui.fr}>{inst.addressFr ?? none}</Field>
          <Field label={t('institutions.fields.latitude')} ltr>{inst.latitude ?? none}</Field>
          <Field label={t('institutions.fields.longitude')} ltr>{inst.longitude ?? none}</Field>
        </SimpleGrid>
      </Card>
      <Card withBorder>
        <Title order={2} size={ui.h4} mb={ui.sm}>
          {t('institutions.form.contact')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Field label={t('institutions.fields.phone')} ltr>{inst.phone ?? none}</Field>
          <Field label={t('institutions.fields.email')} ltr>{inst.email ?? none}</Field>
          <Field label={t('institutions.fields.feeMode')}>
            <Text span>{t(`institutions.feeModes.${inst.feeMode}`)}</Text>
          </Field>
        </SimpleGrid>
      </Card>
    </Stack>
  );
}
