/**
 * Files past their retention period (law 09-08 art. 3), for the roles with the privacy duty, in
 * their scope: each is kept until a stated date with a reason, or handed to the archives'
 * elimination procedure (law 69-99). The rules per record type are shown above the list.
 */
import { useEffect, useState } from 'react';
import { Button, Group, List, Modal, Paper, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AnchorLink, ListTable, LoadMore, PageHeader, ProblemAlert, QueryStates, applyServerErrors, fieldMessage, formErrorMap, formatDate, ui } from '../../../../platform/web/index.ts';
import { RetentionReviewBody, retentionDecisions, retentionRecordTypes, type RetentionDueItem, type RetentionRecordType } from '../../contract/privacy.ts';
import { useRetentionDue, useRetentionReview, useRetentionRules } from './queries.ts';
import { fld, personPrivacyHref, tid, val } from './constants.ts';

export function RetentionPage() {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const [recordType, setRecordType] = useState<string | null>(null);
  const rules = useRetentionRules();
  const query = useRetentionDue((recordType ?? null) as RetentionRecordType | null);
  const [reviewing, setReviewing] = useState<RetentionDueItem | null>(null);
  const items = query.data?.pages.flatMap((p) => p.items) ?? [];
  const nameOf = (i: RetentionDueItem) => (lang === 'fr' ? (i.personNameLat ?? i.personNameAr) : (i.personNameAr ?? i.personNameLat)) ?? '';
  return (
    <>
      <PageHeader title={t('privacy.retention.title')} />
      <Stack gap={ui.md}>
        <Text size={ui.sm}>{t('privacy.retention.hint')}</Text>
        <Paper withBorder p={ui.md} data-testid={tid.retentionRules}>
          <Title order={2} size={ui.h5} mb={ui.xs}>{t('privacy.retention.rules')}</Title>
          <List size={ui.sm}>
            {(rules.data?.items ?? []).map((r) => (
              <List.Item key={r.recordType}>
                <Text span fw={600} size={ui.sm}>{t(`privacy.enums.retentionRecordType.${r.recordType}`)}</Text>
                {' — '}{t('privacy.retention.rule', { years: r.years })}{' — '}{lang === 'fr' ? r.basisFr : r.basisAr}
              </List.Item>
            ))}
          </List>
        </Paper>
        <Select
          label={t('privacy.retention.filter')}
          placeholder={t('privacy.retention.all')}
          data={retentionRecordTypes.map((r) => ({ value: r, label: t(`privacy.enums.retentionRecordType.${r}`) }))}
          value={recordType}
          onChange={setRecordType}
          clearable
          w={{ base: '100%', sm: 280 }}
          data-testid={tid.retentionFilter}
        />
        <QueryStates query={query} empty={() => items.length === 0}>
          {() => (
            <>
              <ListTable
                minWidth={720}
                testId={tid.retentionTable}
                caption={t('privacy.retention.title')}
                headers={[t('privacy.retention.recordType'), t('privacy.retention.reference'), t('privacy.retention.person'), t('privacy.retention.endedOn'), t('privacy.retention.dueOn'), t('privacy.retention.review')]}
              >
                {items.map((item, i) => (
                  <Table.Tr key={`${item.recordType}-${item.recordId}`}>
                    <Table.Td>{t(`privacy.enums.retentionRecordType.${item.recordType}`)}</Table.Td>
                    <Table.Th scope={ui.row} fw={500} className={val.ltr}>{item.reference}</Table.Th>
                    <Table.Td>{item.personId ? <AnchorLink to={personPrivacyHref(item.personId)}><bdi>{nameOf(item)}</bdi></AnchorLink> : null}</Table.Td>
                    <Table.Td>{formatDate(item.endedOn, lang)}</Table.Td>
                    <Table.Td>
                      {formatDate(item.dueOn, lang)}
                      {item.keptUntil && <Text size={ui.xs} c={ui.dimmed}>{t('privacy.retention.keptUntil', { date: formatDate(item.keptUntil, lang) })}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <Button size={ui.xs} variant={ui.light} onClick={() => setReviewing(item)} data-testid={tid.retentionReview(i)}>
                        {t('privacy.retention.review')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </ListTable>
              <LoadMore query={query} shown={items.length} />
            </>
          )}
        </QueryStates>
      </Stack>
      {reviewing && <ReviewForm item={reviewing} onClose={() => setReviewing(null)} />}
    </>
  );
}

type ReviewInput = z.input<typeof RetentionReviewBody>;
const REVIEW_FIELDS = ['decision', 'keepUntil', 'reason', 'recordId'] as const;

function ReviewForm({ item, onClose }: { item: RetentionDueItem; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const mutation = useRetentionReview();
  const resolver = zodResolver(RetentionReviewBody, { error: formErrorMap }) as unknown as Resolver<ReviewInput, unknown, z.output<typeof RetentionReviewBody>>;
  const form = useForm<ReviewInput, unknown, z.output<typeof RetentionReviewBody>>({
    resolver,
    defaultValues: { recordType: item.recordType, recordId: item.recordId, decision: 'keep', keepUntil: '', reason: '' },
  });
  const { errors } = form.formState;
  useEffect(() => {
    if (mutation.error) applyServerErrors(mutation.error, form.setError, REVIEW_FIELDS);
  }, [mutation.error, form.setError]);
  const decision = useWatch({ control: form.control, name: fld.decision });
  return (
    <Modal opened onClose={onClose} title={`${t('privacy.retention.review')} — ${item.reference}`} size={ui.lg} closeButtonProps={{ 'aria-label': t('privacy.retention.cancel') }}>
      <form noValidate data-testid={tid.reviewForm} onSubmit={form.handleSubmit((body) => mutation.mutate({ ...body, keepUntil: body.decision === 'keep' ? body.keepUntil : null }, { onSuccess: onClose }))}>
        <Stack gap={ui.md}>
          <ProblemAlert error={mutation.error} />
          {errors.recordId?.message && <Text c={ui.red} size={ui.sm}>{fieldMessage(errors.recordId.message)}</Text>}
          <Controller control={form.control} name={fld.decision} render={({ field }) => (
            <Select
              label={t('privacy.retention.decision')}
              data={retentionDecisions.map((d) => ({ value: d, label: t(`privacy.enums.retentionDecision.${d}`) }))}
              value={field.value}
              onChange={(v) => field.onChange(v)}
              allowDeselect={false}
              error={fieldMessage(errors.decision?.message)}
              data-testid={tid.reviewField(fld.decision)}
            />
          )} />
          {decision === 'keep' && (
            <TextInput type={val.date} label={t('privacy.retention.keepUntil')} {...form.register(fld.keepUntil)} error={fieldMessage(errors.keepUntil?.message)} data-testid={tid.reviewField(fld.keepUntil)} />
          )}
          <Textarea label={t('privacy.retention.reason')} {...form.register(fld.reason)} error={fieldMessage(errors.reason?.message)} autosize minRows={2} data-testid={tid.reviewField(fld.reason)} />
          <Group justify={ui.end}>
            <Button variant={ui.default} onClick={onClose}>{t('privacy.retention.cancel')}</Button>
            <Button type={val.submit} loading={mutation.isPending} data-testid={tid.reviewSave}>{t('privacy.retention.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
