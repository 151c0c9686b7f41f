/**
 * The popup's second view: the story's whole cast with its search (see Cast.tsx), a way back to the
 * figures on this page, and the way to where the story differs from the record. Works on every
 * tab, including pages the extension cannot read.
 */
import type { Figure } from '../core/dataset';
import { Cast } from './Cast';
import { StoryLine } from './Story';
import type { Translate } from './translate';

export interface PopupCastProps {
  t: Translate;
  figures: readonly Figure[];
  reviewed: string;
  find: (query: string) => readonly Figure[];
  theme?: string | undefined;
  onBack: () => void;
  onOpenDifferences: () => void;
}

export function PopupCast(props: PopupCastProps) {
  const { t } = props;
  return (
    <main class="panel popup">
      <header class="popup-head">
        <button type="button" class="link-button" onClick={props.onBack}>
          {t('castBackToPage')}
        </button>
        <button type="button" class="link-button" onClick={props.onOpenDifferences}>
          {t('differencesTab')}
        </button>
      </header>
      <h1 class="title">{t('castTitle')}</h1>
      <StoryLine t={t} class="story small muted" />
      <Cast t={t} figures={props.figures} reviewed={props.reviewed} find={props.find} theme={props.theme} />
    </main>
  );
}
