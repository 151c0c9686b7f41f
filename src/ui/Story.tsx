/**
 * The one news story Context Cards knows, named where a reader meets the extension (the popup,
 * the first-run page), so nobody takes it for a guide to all the news.
 */
import { readerDate } from './dates';
import type { Translate } from './translate';

const STORY = {
  title: 'China Allies With Taliban After US Withdrawal From Afghanistan',
  outlet: 'Vision Times',
  author: 'Leo Timm',
  date: '2021-09-09',
} as const;

/** "About one story: “China Allies With Taliban…” (Vision Times, 9 September 2021, by Leo Timm)". */
export function StoryLine({ t, class: className }: { t: Translate; class?: string }) {
  // The message places the parts; the title, outlet and author are the story's own, in English.
  // Private-use characters hold the parts' places: no message text contains them.
  const parts = t('storyAbout', ['\ue001', '\ue002', readerDate(STORY.date, t('cardDateLocale')), '\ue003']).split(/([\ue001-\ue003])/);
  return (
    <p class={className ?? 'story'}>
      {parts.map((part) =>
        part === '\ue001' ? (
          <cite lang="en">{STORY.title}</cite>
        ) : part === '\ue002' ? (
          <span lang="en">{STORY.outlet}</span>
        ) : part === '\ue003' ? (
          <span lang="en">{STORY.author}</span>
        ) : (
          part
        ),
      )}
    </p>
  );
}
