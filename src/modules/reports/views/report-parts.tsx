// Small pieces shared by the report's HTML: prose from the data files and a level with its source wording.
import type { Level } from '../../action-plans/level.ts';
import { proseBlocks } from '../report-model.ts';
import { levelText } from '../report-wording.ts';

const BADGE: Record<Level, string> = {
  not_started: 'bg-light-gray',
  limited: 'bg-light-warning',
  substantial: 'bg-light-information',
  completed: 'bg-light-success',
};

export function LevelTag({ level, label }: { level: Level | null; label: string | null }) {
  const cls = level ? BADGE[level] : 'bg-light-gray';
  return (
    <span class={`krds-badge ${cls} level-badge level-${level ?? 'unknown'}`} safe>
      {levelText(level, label)}
    </span>
  );
}

export function ReportProse({ text }: { text: string | null }) {
  const blocks = proseBlocks(text);
  if (blocks.length === 0) return '';
  return (
    <div class="prose">
      {blocks.map((b) =>
        b.kind === 'list' ? (
          <ul>
            {b.items.map((item) => (
              <li safe>{item}</li>
            ))}
          </ul>
        ) : (
          <p>
            {b.lines.map((line, i) => (
              <>
                {i > 0 ? <br /> : ''}
                <span safe>{line}</span>
              </>
            ))}
          </p>
        ),
      )}
    </div>
  );
}
