/**
 * Refers the person to an institution (one of the services it offers, with its free places and
 * waiting list shown) or to an outside service (hospital, court, school…).
 */
import { useState } from 'react';
import { Alert, Button, Group, Modal, SegmentedControl, Select, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ProblemAlert, formatNumber, ui } from '../../../../../platform/web/index.ts';
import { RegistryPicker } from '../../../../registry/web/associations/RegistryPicker.tsx';
import { serviceTypes } from '../../../../registry/contract/enums.ts';
import { refer, useCaseSideWrite, useInstitutionServices, useOccupancy } from '../queries.ts';
import { tid } from '../constants.ts';

const targets = { institution: 'institution', outside: 'outside' } as const;

export function ReferModal({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation('beneficiaries');
  const { t: tR } = useTranslation('registry');
  const mutation = useCaseSideWrite(caseId, refer(caseId));
  const [target, setTarget] = useState<string>(targets.institution);
  const [institutionId, setInstitutionId] = useState<string | null>(null);
  const [outsideService, setOutsideService] = useState('');
  const [service, setService] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const services = useInstitutionServices(target === targets.institution ? institutionId : null);
  const offered = target === targets.institution && institutionId ? (services.data?.services.map((s) => s.service) ?? []) : serviceTypes;
  return (
    <Modal opened onClose={onClose} closeButtonProps={{ 'aria-label': t('cases.close') }} title={t('cases.actions.refer')} size={ui.lg} centered>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate(
            { institutionId: target === targets.institution ? institutionId : null, outsideService: target === targets.outside ? outsideService : null, service, note },
            { onSuccess: onClose },
          );
        }}
      >
        <Stack gap={ui.sm}>
          <ProblemAlert error={mutation.error} />
          <SegmentedControl
            value={target}
            onChange={setTarget}
            data={[
              { value: targets.institution, label: t('cases.referral.toInstitution') },
              { value: targets.outside, label: t('cases.referral.toOutside') },
            ]}
            aria-label={t('cases.referral.target')}
          />
          {target === targets.institution ? (
            <>
              <RegistryPicker kind={targets.institution} value={institutionId} onChange={(id) => { setInstitutionId(id); setService(null); }} required testId={tid.f.referralInstitution} />
              {institutionId && <Capacity institutionId={institutionId} />}
            </>
          ) : (
            <TextInput label={t('cases.referral.outsideService')} required maxLength={200} value={outsideService} onChange={(e) => setOutsideService(e.currentTarget.value)} data-testid={tid.f.referralOutside} />
          )}
          <Select
            label={t('cases.referral.service')}
            required
            data={offered.map((s) => ({ value: s, label: tR(`enums.serviceType.${s}`) }))}
            value={service}
            onChange={setService}
            nothingFoundMessage={t('cases.referral.noService')}
            data-testid={tid.f.referralService}
          />
          <Textarea label={t('cases.referral.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(e) => setNote(e.currentTarget.value)} data-testid={tid.f.referralNote} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.s.referral}>
              {t('cases.referral.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The institution's free places by sex and its waiting list (accepted referrals not yet admitted). */
function Capacity({ institutionId }: { institutionId: string }) {
  const { t, i18n } = useTranslation('beneficiaries');
  const lang = i18n.language;
  const occupancy = useOccupancy(institutionId);
  if (!occupancy.data) {
    return occupancy.isError ? (
      <Text size={ui.sm} c={ui.dimmed} data-testid={tid.occupancy}>
        {t('cases.referral.capacityUnknown')}
      </Text>
    ) : null;
  }
  const o = occupancy.data;
  const full = o.freeMale + o.freeFemale === 0;
  return (
    <Alert color={full ? ui.orange : ui.blue} variant={ui.light} data-testid={tid.occupancy}>
      {t('cases.referral.capacity', {
        freeFemale: formatNumber(o.freeFemale, lang),
        capacityFemale: formatNumber(o.capacityFemale, lang),
        freeMale: formatNumber(o.freeMale, lang),
        capacityMale: formatNumber(o.capacityMale, lang),
        waiting: formatNumber(o.waiting, lang),
      })}
    </Alert>
  );
}
