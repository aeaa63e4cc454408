/**
 * The institution's "Finance" tab: its bank account and cash box with today's balances (or the
 * form to open them), and the way to every finance page of the institution.
 */
import { useState } from 'react';
import { Button, Card, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingBank, IconCash, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ButtonLink, ProblemAlert, QueryStates, formatDate, todayInMorocco, ui, formatMad } from '../../../../platform/web/index.ts';
import type { InstitutionTabProps } from '../../../registry/web/institution-tabs.ts';
import { accountKinds, look, path, tid } from './constants.ts';
import { useAccounts, useCreateAccount } from './queries.ts';

const links = [
  { key: 'newEntry', to: path.entry },
  { key: 'journals', to: path.journals },
  { key: 'closings', to: path.closings },
  { key: 'grants', to: path.grants },
  { key: 'reconciliation', to: path.reconciliation },
] as const;

export function FinanceTab({ institutionId }: InstitutionTabProps) {
  const { t, i18n } = useTranslation('finance');
  const lang = i18n.language;
  const query = useAccounts(institutionId);
  const [opening, setOpening] = useState<'bank' | 'cash' | null>(null);
  return (
    <Stack gap={ui.md} data-testid={tid.tab}>
      <QueryStates query={query} empty={() => false}>
        {() => {
          const data = query.data!;
          const missing = accountKinds.filter((k) => !data.accounts.some((a) => a.kind === k));
          return (
            <>
              <Title order={3}>{t('books.accounts.title')}</Title>
              {data.accounts.length === 0 && <Text>{t('books.accounts.none')}</Text>}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                {data.accounts.map((a) => (
                  <Card key={a.id} withBorder data-testid={tid.account(a.kind)}>
                    <Group gap={ui.xs}>
                      {a.kind === 'bank' ? <IconBuildingBank size={20} aria-hidden /> : <IconCash size={20} aria-hidden />}
                      <Text fw={600}>{t(`books.accounts.${a.kind}`)}</Text>
                    </Group>
                    {a.rib && (
                      <Text size={ui.sm} className={look.ltrClass}>
                        {t('books.accounts.rib')} {a.rib} {a.bankName ?? ''}
                      </Text>
                    )}
                    <Text size={ui.sm} c={ui.dimmed}>
                      {t('books.accounts.openingDate')} {formatDate(a.openingDate, lang)}
                    </Text>
                    <Text size={ui.xl} fw={700} className={look.ltrClass}>
                      {formatMad(a.balanceMad, lang)}
                    </Text>
                    <Text size={ui.sm} c={ui.dimmed}>
                      {t('books.accounts.balance')}
                    </Text>
                  </Card>
                ))}
              </SimpleGrid>
              {data.canKeep && missing.length > 0 && !opening && (
                <Group>
                  {missing.map((k) => (
                    <Button key={k} variant={ui.light} leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setOpening(k)} data-testid={tid.openAccount(k)}>
                      {t(k === 'bank' ? 'books.accounts.openBank' : 'books.accounts.openCash')}
                    </Button>
                  ))}
                </Group>
              )}
              {opening && <OpenAccount institutionId={institutionId} kind={opening} onDone={() => setOpening(null)} />}
              <Title order={3}>{t('books.nav.title')}</Title>
              <Group>
                {links
                  .filter((l) => data.canKeep || l.key !== 'newEntry')
                  .map((l) => (
                    <ButtonLink key={l.key} to={l.to} params={{ institutionId }} variant={l.key === 'newEntry' ? ui.filled : ui.default} data-testid={tid.link(l.key)}>
                      {t(`books.links.${l.key}`)}
                    </ButtonLink>
                  ))}
              </Group>
            </>
          );
        }}
      </QueryStates>
    </Stack>
  );
}

function OpenAccount({ institutionId, kind, onDone }: { institutionId: string; kind: 'bank' | 'cash'; onDone: () => void }) {
  const { t } = useTranslation('finance');
  const mutation = useCreateAccount(institutionId);
  const [rib, setRib] = useState('');
  const [bankName, setBankName] = useState('');
  const [openingDate, setOpeningDate] = useState(todayInMorocco());
  const [balance, setBalance] = useState('0');
  return (
    <Card withBorder>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          mutation.mutate({ kind, ...(kind === 'bank' && { rib, bankName }), openingDate, openingBalanceMad: balance.replace(',', '.') }, { onSuccess: onDone });
        }}
      >
        <Stack gap={ui.sm}>
          <Title order={4}>{t(kind === 'bank' ? 'books.accounts.openBank' : 'books.accounts.openCash')}</Title>
          <ProblemAlert error={mutation.error} />
          {kind === 'bank' && (
            <>
              <TextInput label={t('books.accounts.rib')} required value={rib} onChange={(e) => setRib(e.currentTarget.value)} inputMode={look.decimal} dir={ui.ltr} data-testid={tid.accountRib} />
              <TextInput label={t('books.accounts.bankName')} value={bankName} onChange={(e) => setBankName(e.currentTarget.value)} data-testid={tid.accountBankName} />
            </>
          )}
          <TextInput type={look.date} label={t('books.accounts.openingDate')} required value={openingDate} onChange={(e) => setOpeningDate(e.currentTarget.value)} data-testid={tid.accountOpeningDate} />
          <TextInput label={t('books.accounts.openingBalance')} inputMode={look.decimal} dir={ui.ltr} value={balance} onChange={(e) => setBalance(e.currentTarget.value)} data-testid={tid.accountOpeningBalance} />
          <Group justify={ui.end}>
            <Button type="submit" loading={mutation.isPending} data-testid={tid.accountSave}>
              {t('books.accounts.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
