/**
 * One convention: its facts, the two sections reviewed by the approval chain (terms, funding),
 * signatories and signature, amendments, the approval panel with its history, the tranches
 * (the tranches part's timeline), documents, the convention as PDF in both languages, and its
 * end (closing or cancelling).
 */
import { Suspense, useState } from 'react';
import { Alert, Badge, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Fact, ErrorState, LoadingState, PageHeader, ProblemAlert, formatDate, nameIn, ui, useParam, formatMad } from '../../../../platform/web/index.ts';
import { SubmissionPanel } from '../../../../platform/approvals/web/index.ts';
import { DocumentsPanel } from '../../../../platform/documents/web/index.ts';
import type { Convention } from '../../server/conventions/contract.ts';
import { conventionKey, pdfHref, useConvention, useConventionWrite } from './queries.ts';
import { look, ownerTypeDocuments, path, printLanguages, sec, tid } from './constants.ts';
import { statusColor } from './status.ts';
import { Saved, SectionCard } from './SectionCard.tsx';
import { TermsForm } from './TermsForm.tsx';
import { FundingSection } from './FundingSection.tsx';
import { SignatoriesSection } from './SignatureSection.tsx';
import { AmendmentsSection } from './AmendmentsSection.tsx';
import { EndingSection } from './EndingSection.tsx';
import { ConventionTranches } from '../tranches/index.ts';

export function ConventionPage() {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const id = useParam('conventionId');
  const query = useConvention(id);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const c = query.data;
  const locked = c.submission?.state === 'submitted' || c.submission?.state === 'approved';
  return (
    <>
      <PageHeader
        title={t('conventions.page.title', { reference: c.reference })}
        back={path.list}
        actions={
          <Group gap={ui.sm}>
            {printLanguages.map((l) => (
              <Button key={l} component={ui.a} href={pdfHref(c.id, l)} download variant={ui.default} leftSection={<IconFileTypePdf size={16} aria-hidden />} data-testid={tid.pdf(l)}>
                {t(l === 'ar' ? 'conventions.page.pdfAr' : 'conventions.page.pdfFr')}
              </Button>
            ))}
          </Group>
        }
      >
        <Text>{nameIn({ nameAr: c.associationNameAr, nameFr: c.associationNameFr }, lang)}</Text>
        <SimpleGrid cols={{ base: 1, sm: 3, md: 5 }}>
          <Fact label={t('conventions.list.status')}>
            <Badge color={statusColor[c.status]} variant={ui.filled} data-testid={tid.status}>
              {t(`conventions.enums.status.${c.status}`)}
            </Badge>
          </Fact>
          <Fact label={t('conventions.page.owner')}>{t(`conventions.enums.ownerLevel.${c.ownerLevel}`)}</Fact>
          <Fact label={t('conventions.page.period')}>{t('conventions.page.periodValue', { from: formatDate(c.startsOn, lang), to: formatDate(c.endsOn, lang) })}</Fact>
          <Fact label={t('conventions.page.total')}>
            <span className={look.ltr}>{formatMad(c.totalMad, lang)}</span>
          </Fact>
          <Fact label={t('conventions.page.funded')}>
            <span className={look.ltr}>{formatMad(c.fundedMad, lang)}</span>
          </Fact>
        </SimpleGrid>
      </PageHeader>
      {locked && (
        <Alert color={ui.blue} variant={ui.light} mb={ui.md}>
          {t('conventions.page.locked')}
        </Alert>
      )}
      <Stack gap={ui.lg}>
        <EndingSection convention={c} />
        <TermsSection convention={c} />
        <FundingSection convention={c} />
        <SignatoriesSection convention={c} />
        <AmendmentsSection convention={c} />
        {c.submission && <SubmissionPanel submission={c.submission} sectionLabel={(key) => t(`conventions.sections.${key as 'terms'}`)} subjectKey={conventionKey(c.id)} />}
        <SectionCard id={sec.tranches} title={t('conventions.page.tranches')}>
          <Suspense fallback={<LoadingState />}>
            <ConventionTranches conventionId={c.id} />
          </Suspense>
        </SectionCard>
        <DocumentsPanel ownerType={ownerTypeDocuments} ownerId={c.id} />
      </Stack>
    </>
  );
}

function TermsSection({ convention: c }: { convention: Convention }) {
  const { t, i18n } = useTranslation('subsidies');
  const lang = i18n.language;
  const editable = c.editable.includes(sec.terms);
  const mutation = useConventionWrite(c.id, '/terms', 'patch');
  const [saved, setSaved] = useState(false);
  return (
    <SectionCard id={sec.terms} title={t('conventions.sections.terms')} convention={c} approvalSection={sec.terms}>
      {editable ? (
        <Stack gap={ui.sm}>
          <Saved show={saved} id={sec.terms} />
          <ProblemAlert error={mutation.error} />
          <TermsForm
            associationId={c.associationId}
            defaultValues={{ objectAr: c.objectAr, objectFr: c.objectFr, startsOn: c.startsOn, endsOn: c.endsOn, totalMad: c.totalMad, institutionIds: c.institutions.map((i) => i.id) }}
            pending={mutation.isPending}
            submitLabel={t('conventions.page.save')}
            submitTestId={tid.save(sec.terms)}
            onSubmit={(body) => {
              setSaved(false);
              mutation.mutate(body, { onSuccess: () => setSaved(true) });
            }}
          />
        </Stack>
      ) : (
        <Stack gap={ui.sm}>
          <Text style={look.preWrap}>{lang === 'fr' ? c.objectFr : c.objectAr}</Text>
          <Text fw={500}>{t('conventions.terms.institutions')}</Text>
          <List>
            {c.institutions.map((i) => (
              <List.Item key={i.id}>{nameIn(i, lang)}</List.Item>
            ))}
          </List>
        </Stack>
      )}
    </SectionCard>
  );
}
