/**
 * The application file (decree 2.19.693 art. 2): each item of the founder's kind, the
 * institution's and the director's, ticked by attaching its document through the platform's
 * documents (owner type licence_application, the item as category).
 */
import { useState } from 'react';
import { Badge, Button, FileInput, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListTable, ProblemAlert, formatDate, ui, useCan } from '../../../../platform/web/index.ts';
import type { ChecklistEntry, Licensing } from '../../contract/licensing.ts';
import { acceptedFiles, look, submitType, tid } from './constants.ts';
import { useAttach } from './queries.ts';

export function Checklist({ licensing }: { licensing: Licensing }) {
  const { t } = useTranslation('registry');
  const can = useCan();
  const [open, setOpen] = useState<string | null>(null);
  const mayAttach = can('licensing.declare') && can('documents.write');
  const required = licensing.checklist.filter((c) => c.required);
  const progress = t('licensing.progress', { done: required.filter((c) => c.document).length, total: required.length });
  return (
    <Paper withBorder p={ui.md}>
      <Title order={2} size={ui.h4} mb={ui.sm}>
        {t('licensing.checklist')}
      </Title>
      {licensing.founderKind && <Text>{`${t('licensing.founderKind')}: ${t(`licensing.founderKinds.${licensing.founderKind}`)}`}</Text>}
      <Text mb={ui.sm} data-testid={tid.progress}>
        {progress}
      </Text>
      <ListTable minWidth={640} testId={tid.checklist} caption={t('licensing.checklist')} headers={[t('licensing.requestedItem'), t('licensing.status'), '']}>
        {licensing.checklist.map((entry) => (
          <Table.Tr key={entry.item} data-testid={tid.item(entry.item)}>
            <Table.Th scope={ui.row} fw={400}>
              <Text size={ui.sm}>{t(`licensing.items.${entry.item}`)}</Text>
              <Text size={ui.xs} c={look.gray7}>
                {`${t(`licensing.parts.${entry.part}`)} — ${entry.required ? t('licensing.required') : t('licensing.optional')}`}
              </Text>
            </Table.Th>
            <Table.Td>
              <ItemState entry={entry} />
            </Table.Td>
            <Table.Td>
              {mayAttach && licensing.applicationId && (
                <Button size={ui.xs} variant={ui.light} onClick={() => setOpen(open === entry.item ? null : entry.item)} data-testid={tid.attach(entry.item)} aria-expanded={open === entry.item}>
                  {t('licensing.attach')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {open && licensing.applicationId && (
        <AttachForm key={open} institutionId={licensing.institutionId} applicationId={licensing.applicationId} item={open} onDone={() => setOpen(null)} />
      )}
    </Paper>
  );
}

function ItemState({ entry }: { entry: ChecklistEntry }) {
  const { t, i18n } = useTranslation('registry');
  if (!entry.document) {
    return (
      <Badge color={entry.required ? look.red9 : look.gray7} variant={ui.filled}>
        {t('licensing.missing')}
      </Badge>
    );
  }
  return (
    <Stack gap={0}>
      <Badge color={look.green9} variant={ui.filled}>
        {t('licensing.attached')}
      </Badge>
      <Text size={ui.xs}>{`${entry.document.title} — ${formatDate(entry.document.createdAt, i18n.language)}`}</Text>
    </Stack>
  );
}

function AttachForm({ institutionId, applicationId, item, onDone }: { institutionId: string; applicationId: string; item: string; onDone: () => void }) {
  const { t } = useTranslation('registry');
  const mutation = useAttach(institutionId, applicationId);
  const [file, setFile] = useState<File | null>(null);
  const label = t(`licensing.items.${item as 'statutes'}`);
  return (
    <form
      noValidate
      aria-label={`${t('licensing.attach')} — ${label}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (file) mutation.mutate({ item, title: label.slice(0, 200), file }, { onSuccess: onDone });
      }}
    >
      <Stack gap={ui.sm} mt={ui.md}>
        <ProblemAlert error={mutation.error} />
        <FileInput label={`${t('licensing.file')} — ${label}`} required clearable accept={acceptedFiles} value={file} onChange={setFile} data-testid={tid.upload} />
        <Group justify={ui.end}>
          <Button type={submitType} leftSection={<IconUpload size={16} aria-hidden />} loading={mutation.isPending} disabled={!file}>
            {t('licensing.attach')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
