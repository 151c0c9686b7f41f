/**
 * Where the story differs from the record, in one place: every Check of every figure, the story's
 * claim beside the record, with the sources, each linked to its figure's card. The reader's
 * fact-check of the story.
 */
import type { Figure } from '../core/dataset';
import type { Translate } from './translate';

export interface DifferencesProps {
  t: Translate;
  figures: readonly Figure[];
  onOpenFigure: (id: string) => void;
}

export function Differences({ t, figures, onOpenFigure }: DifferencesProps) {
  const checked = figures.filter((f) => f.checks.length > 0).sort((a, b) => a.name.localeCompare(b.name));
  const total = checked.reduce((n, f) => n + f.checks.length, 0);
  return (
    <div class="differences">
      <p class="muted">{t('differencesIntro', String(total))}</p>
      {checked.map((figure) => (
        <section class="group" key={figure.id} aria-labelledby={`differences-${figure.id}`}>
          <h2 class="subtitle differences-figure" id={`differences-${figure.id}`}>
            <button type="button" class="link-button" data-figure={figure.id} onClick={() => onOpenFigure(figure.id)}>
              {figure.name}
            </button>
          </h2>
          <ul class="checks-list">
            {figure.checks.map((check, i) => (
              <li class="check-item" key={i}>
                <p>
                  <strong>{t('cardCheckStory')}</strong> {check.story}
                </p>
                <p>
                  <strong>{t('cardCheckRecord')}</strong> {check.record}
                </p>
                <p class="small muted">
                  {t('differencesSources')}{' '}
                  {check.sources.map((id, n) => {
                    const source = figure.sources.find((s) => s.id === id);
                    if (!source) return null;
                    return (
                      <span key={id}>
                        {n > 0 && '; '}
                        <a href={source.url} target="_blank" rel="noopener noreferrer">
                          {source.publisher}: {source.title}
                        </a>
                      </span>
                    );
                  })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
