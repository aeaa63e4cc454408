/** Arabic / French switch: two toggle buttons, each labelled in its own language. */
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../contract/common.ts';
import { useLanguage } from '../session.tsx';
import { tid } from '../constants.ts';
import { ui } from '../ui.ts';

export function LanguageSwitch({ onChange }: { onChange?: (l: Language) => void }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Group gap={4} role={ui.group} aria-label={t('language.label')} data-testid={tid.languageSwitch}>
      {languages.map((l) => (
        <Button
          key={l}
          size={ui.xs}
          variant={l === language ? ui.filled : ui.default}
          aria-pressed={l === language}
          lang={l}
          data-testid={`language-${l}`}
          onClick={() => {
            onChange?.(l);
            void setLanguage(l);
          }}
        >
          {t(`language.${l}`)}
        </Button>
      ))}
    </Group>
  );
}
