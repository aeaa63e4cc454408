/**
 * Import of a delegation's list of institutions and founders: the platform's import wizard
 * (upload → columns → check with the report of every rejected row → import, all rows or none),
 * with the registry's template in both languages and its matching rules stated up front.
 */
import { useState } from 'react';
import { Alert, Anchor, Button, FileInput, Group, List, Select, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconDownload, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, PageHeader, ProblemAlert, formatNumber, ui } from '../../../../platform/web/index.ts';
import type { Job, Mapping, Upload } from '../../../../platform/jobs/contract.ts';
import { attr, path as jobsPath, tid } from '../../../../platform/jobs/web/constants.ts';
import { isFinished, useJob, useRunImport, useUpload } from '../../../../platform/jobs/web/queries.ts';
import { IMPORT_TARGET, importTid, templateHref } from './constants.ts';
import { ImportReport } from './ImportReport.tsx';

export function ImportInstitutionsPage() {
  const { t } = useTranslation(['registry', 'jobs']);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [validationId, setValidationId] = useState<string>();
  const [commitId, setCommitId] = useState<string>();
  const validation = useJob(validationId);
  const commit = useJob(commitId);
  const step = commitId ? 3 : validationId ? 2 : upload ? 1 : 0;
  const restart = () => {
    setUpload(null);
    setValidationId(undefined);
    setCommitId(undefined);
  };
  return (
    <Stack gap={0} data-testid={importTid.page}>
      <PageHeader title={t('import.title')}>
        <Text c={ui.dimmed}>{t('import.intro')}</Text>
      </PageHeader>
      <Group mb={ui.md}>
        <Anchor href={templateHref.ar} download data-testid={importTid.templateAr}>
          <Group gap={4} component={ui.span}>
            <IconDownload size={16} aria-hidden />
            {t('import.templateAr')}
          </Group>
        </Anchor>
        <Anchor href={templateHref.fr} download data-testid={importTid.templateFr}>
          <Group gap={4} component={ui.span}>
            <IconDownload size={16} aria-hidden />
            {t('import.templateFr')}
          </Group>
        </Anchor>
      </Group>
      <Title order={2} size={ui.h5} mb={ui.xs}>
        {t('import.rules')}
      </Title>
      <List size={ui.sm} mb={ui.lg} maw={860}>
        <List.Item>{t('import.ruleCommune')}</List.Item>
        <List.Item>{t('import.ruleAssociation')}</List.Item>
        <List.Item>{t('import.ruleInstitution')}</List.Item>
        <List.Item>{t('import.ruleScope')}</List.Item>
      </List>
      <Stepper active={step} allowNextStepsSelect={false} mb={ui.lg}>
        <Stepper.Step label={t('jobs:import.upload')} />
        <Stepper.Step label={t('jobs:import.mapping')} />
        <Stepper.Step label={t('jobs:import.check')} />
        <Stepper.Step label={t('jobs:import.commit')} />
      </Stepper>
      {step === 0 && (
        <UploadStep
          onUploaded={(u) => {
            setUpload(u);
            setMapping(u.mapping);
          }}
        />
      )}
      {step === 1 && upload && <MappingStep upload={upload} mapping={mapping} onChange={setMapping} onStarted={setValidationId} onRestart={restart} />}
      {step === 2 && validation.data && (
        <ValidationStep job={validation.data} upload={upload!} mapping={mapping} onStarted={setCommitId} onChangeMapping={() => setValidationId(undefined)} onRestart={restart} />
      )}
      {step === 3 && commit.data && <CommitStep job={commit.data} onRestart={restart} />}
    </Stack>
  );
}

function UploadStep({ onUploaded }: { onUploaded: (u: Upload) => void }) {
  const { t } = useTranslation(['registry', 'jobs']);
  const [file, setFile] = useState<File | null>(null);
  const send = useUpload(IMPORT_TARGET);
  return (
    <Stack maw={640}>
      <FileInput
        label={t('jobs:import.file')}
        description={t('import.fileHint')}
        accept={attr.accept}
        value={file}
        onChange={setFile}
        leftSection={<IconUpload size={16} aria-hidden />}
        clearable
        data-testid={tid.importFile}
      />
      <ProblemAlert error={send.error} />
      <Group>
        <Button disabled={!file} loading={send.isPending} onClick={() => file && send.mutate(file, { onSuccess: onUploaded })} data-testid={tid.importSend}>
          {t('jobs:import.send')}
        </Button>
      </Group>
    </Stack>
  );
}

function MappingStep({ upload, mapping, onChange, onStarted, onRestart }: { upload: Upload; mapping: Mapping; onChange: (m: Mapping) => void; onStarted: (id: string) => void; onRestart: () => void }) {
  const { t, i18n } = useTranslation('jobs');
  const run = useRunImport();
  const options = [{ value: attr.none, label: t('import.none') }, ...upload.headers.filter(Boolean).map((h) => ({ value: h, label: h }))];
  return (
    <Stack maw={640}>
      <Text>{t('import.found', { name: upload.fileName, n: formatNumber(upload.rowCount, i18n.language) })}</Text>
      <Alert variant={ui.light} color={ui.blue}>
        {upload.remembered ? t('import.remembered') : t('import.suggested')}
      </Alert>
      {upload.fields.map((field) => (
        <Select
          key={field.key}
          label={t('import.column', { field: field.label })}
          withAsterisk={field.required}
          data={options}
          value={mapping[field.key] ?? attr.none}
          allowDeselect={false}
          onChange={(value) => {
            const next = { ...mapping };
            if (value) next[field.key] = value;
            else delete next[field.key];
            onChange(next);
          }}
          data-testid={tid.mappingField(field.key)}
        />
      ))}
      <ProblemAlert error={run.error} />
      <Group>
        <Button loading={run.isPending} onClick={() => run.mutate({ uploadId: upload.id, mode: attr.validate, mapping }, { onSuccess: (job) => onStarted(job.id) })} data-testid={tid.importValidate}>
          {t('import.validate')}
        </Button>
        <Button variant={ui.default} onClick={onRestart}>
          {t('import.another')}
        </Button>
      </Group>
    </Stack>
  );
}

function ValidationStep({ job, upload, mapping, onStarted, onChangeMapping, onRestart }: { job: Job; upload: Upload; mapping: Mapping; onStarted: (id: string) => void; onChangeMapping: () => void; onRestart: () => void }) {
  const { t, i18n } = useTranslation('jobs');
  const run = useRunImport();
  const finished = isFinished(job);
  const valid = job.state === 'succeeded' && job.errorCount === 0;
  return (
    <Stack>
      {!finished && <Text role={ui.status}>{t('import.checking')}</Text>}
      {finished && job.state === 'succeeded' && (
        <Alert color={valid ? ui.green : ui.red} variant={ui.light} role={ui.alert} data-testid={tid.importResult}>
          {valid ? t('import.allValid') : t('import.hasErrors')}
        </Alert>
      )}
      <ImportReport job={job} />
      <ProblemAlert error={run.error} />
      {finished && (
        <Group>
          {valid && (
            <Button loading={run.isPending} onClick={() => run.mutate({ uploadId: upload.id, mode: attr.commit, mapping }, { onSuccess: (j) => onStarted(j.id) })} data-testid={tid.importCommit}>
              {t('import.commitButton', { n: formatNumber(upload.rowCount, i18n.language) })}
            </Button>
          )}
          <Button variant={ui.default} onClick={onChangeMapping} data-testid={tid.importChangeMapping}>
            {t('import.changeMapping')}
          </Button>
          <Button variant={ui.default} onClick={onRestart}>
            {t('import.another')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function CommitStep({ job, onRestart }: { job: Job; onRestart: () => void }) {
  const { t, i18n } = useTranslation(['registry', 'jobs']);
  const written = typeof job.result?.written === 'number' ? job.result.written : 0;
  return (
    <Stack>
      {!isFinished(job) && <Text role={ui.status}>{t('jobs:import.writing')}</Text>}
      {job.state === 'succeeded' && (
        <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.importResult}>
          {t('import.done', { n: formatNumber(written, i18n.language) })}
        </Alert>
      )}
      {(job.state === 'failed' || job.state === 'cancelled') && (
        <Alert color={ui.red} variant={ui.light} role={ui.alert} data-testid={tid.importResult}>
          {t('jobs:import.failed')}
        </Alert>
      )}
      <ImportReport job={job} />
      <Group>
        <AnchorLink to={jobsPath.jobsJobId} params={{ jobId: job.id }}>
          {t('jobs:import.toJob')}
        </AnchorLink>
        {isFinished(job) && (
          <Button variant={ui.default} onClick={onRestart}>
            {t('jobs:import.another')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
