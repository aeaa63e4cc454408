/**
 * The import wizard of the platform, for every import target: upload → column mapping
 * (remembered or suggested) → validation with progress, errors per row and column and a preview
 * → commit (all rows or none) with progress → result. A target may show its own report of a job
 * (Details) and its own hint about the file; everything else is the same for all.
 */
import { useState, type ComponentType } from 'react';
import { Alert, Button, FileInput, Group, Select, Stack, Stepper, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, formatNumber, ProblemAlert, ui } from '../../../web/index.ts';
import type { Job, Mapping, Upload } from '../../contract.ts';
import { JobDetails } from './JobDetails.tsx';
import { attr, path, tid } from '../constants.ts';
import { isFinished, useJob, useRunImport, useUpload } from '../queries.ts';

export interface ImportWizardProps {
  /** The import target registered on the server (defineImportTarget). */
  target: string;
  /** What the file should hold, under the file field; the platform's generic hint otherwise. */
  fileHint?: string;
  /** How a validation or commit job is shown; the platform's job details otherwise. */
  Details?: ComponentType<{ job: Job }>;
  /** The sentence that ends a successful import, given the number of rows written. */
  doneText?: (written: number) => string;
}

export function ImportWizard({ target, fileHint, Details = JobDetails, doneText }: ImportWizardProps) {
  const { t } = useTranslation('jobs');
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
    <>
      <Stepper active={step} allowNextStepsSelect={false} mb={ui.lg}>
        <Stepper.Step label={t('import.upload')} />
        <Stepper.Step label={t('import.mapping')} />
        <Stepper.Step label={t('import.check')} />
        <Stepper.Step label={t('import.commit')} />
      </Stepper>
      {step === 0 && (
        <UploadStep
          target={target}
          fileHint={fileHint}
          onUploaded={(u) => {
            setUpload(u);
            setMapping(u.mapping);
          }}
        />
      )}
      {step === 1 && upload && <MappingStep upload={upload} mapping={mapping} onChange={setMapping} onStarted={setValidationId} onRestart={restart} />}
      {step === 2 && validation.data && (
        <ValidationStep Details={Details} job={validation.data} upload={upload!} mapping={mapping} onStarted={setCommitId} onChangeMapping={() => setValidationId(undefined)} onRestart={restart} />
      )}
      {step === 3 && commit.data && <CommitStep Details={Details} doneText={doneText} job={commit.data} onRestart={restart} />}
    </>
  );
}

function UploadStep({ target, fileHint, onUploaded }: { target: string; fileHint?: string; onUploaded: (u: Upload) => void }) {
  const { t } = useTranslation('jobs');
  const [file, setFile] = useState<File | null>(null);
  const send = useUpload(target);
  return (
    <Stack maw={560}>
      <FileInput
        label={t('import.file')}
        description={fileHint ?? t('import.fileHint')}
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
          {t('import.send')}
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

function ValidationStep({ Details, job, upload, mapping, onStarted, onChangeMapping, onRestart }: { Details: ComponentType<{ job: Job }>; job: Job; upload: Upload; mapping: Mapping; onStarted: (id: string) => void; onChangeMapping: () => void; onRestart: () => void }) {
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
      <Details job={job} />
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

function CommitStep({ Details, doneText, job, onRestart }: { Details: ComponentType<{ job: Job }>; doneText?: (written: number) => string; job: Job; onRestart: () => void }) {
  const { t, i18n } = useTranslation('jobs');
  const written = typeof job.result?.written === 'number' ? job.result.written : 0;
  return (
    <Stack>
      {!isFinished(job) && <Text role={ui.status}>{t('import.writing')}</Text>}
      {job.state === 'succeeded' && (
        <Alert color={ui.green} variant={ui.light} role={ui.status} data-testid={tid.importResult}>
          {doneText ? doneText(written) : t('import.done', { n: formatNumber(written, i18n.language) })}
        </Alert>
      )}
      {(job.state === 'failed' || job.state === 'cancelled') && (
        <Alert color={ui.red} variant={ui.light} role={ui.alert} data-testid={tid.importResult}>
          {t('import.failed')}
        </Alert>
      )}
      <Details job={job} />
      <Group>
        <AnchorLink to={path.jobsJobId} params={{ jobId: job.id }}>
          {t('import.toJob')}
        </AnchorLink>
        {isFinished(job) && (
          <Button variant={ui.default} onClick={onRestart}>
            {t('import.another')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
