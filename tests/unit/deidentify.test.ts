import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CaseSchema, type Case, type CaseInput } from '../../shared/case/schema';
import { deidentifyCase } from '../../shared/presentation/deidentify';
import { pseudonymsFor } from '../../shared/presentation/pseudonyms';
import { isDescriptiveName } from '../../shared/presentation/relationWords';

interface CastMember {
  id: string;
  name: string;
  kind: 'client' | 'therapist' | 'supervisor' | 'other';
  note?: string;
}

/** A valid case with this cast, `text` as the summary and `title` as the title. */
function caseWith(people: CastMember[], text: string, title = 'A case'): Case {
  const client = people.find((p) => p.kind === 'client')?.id as string;
  const therapist = people.find((p) => p.kind === 'therapist')?.id as string;
  const supervisor = people.find((p) => p.kind === 'supervisor')?.id;
  const input: CaseInput = {
    id: 'case-1',
    title,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    summary: text,
    people,
    systems: {
      client: {
        members: people.filter((p) => p.kind === 'client' || p.kind === 'other').map((p) => ({ person: p.id })),
        relations: people
          .filter((p) => p.kind === 'other')
          .map((p, index) => ({ id: `r${index}`, from: p.id, to: client, act: text, fromRole: 'critic' })),
        notes: text,
      },
      therapy: { members: [{ person: client }, { person: therapist }], relations: [] },
      supervision: supervisor ? { members: [{ person: therapist }, { person: supervisor }], relations: [], notes: text } : {},
    },
  };
  return CaseSchema.parse(input);
}

const MARK_CAST: CastMember[] = [
  { id: 'c', name: 'Mark', kind: 'client' },
  { id: 't', name: 'Ann Lee', kind: 'therapist' },
  { id: 's', name: 'S', kind: 'supervisor' },
  { id: 'm', name: 'Will Grace', kind: 'other', note: 'his line manager at work' },
  { id: 'x', name: 'Rose', kind: 'other' },
];

function summaryOf(cast: CastMember[], text: string): string {
  return deidentifyCase(caseWith(cast, text)).case.summary as string;
}

describe('pseudonyms', () => {
  it('labels the three kinds, relations from the name or note, initials otherwise, made unique', () => {
    const labels = pseudonymsFor(
      caseWith(
        [
          { id: 'c', name: 'Owen Price', kind: 'client' },
          { id: 't', name: 'Nadia', kind: 'therapist' },
          { id: 's', name: 'Ruth', kind: 'supervisor' },
          { id: 'a', name: 'Older sister', kind: 'other' },
          { id: 'b', name: 'Linda', kind: 'other', note: 'his mum, lives nearby' },
          { id: 'd', name: 'Jo', kind: 'other', note: 'another sister' },
          { id: 'e', name: 'Maggie', kind: 'other', note: 'sister-like friend' },
          { id: 'f', name: 'Dr Anna Bell', kind: 'other' },
          { id: 'g', name: 'Boss', kind: 'other' },
        ],
        '',
      ).people,
    );
    expect(labels).toEqual({
      c: 'Client',
      t: 'Therapist',
      s: 'Supervisor',
      a: 'Older sister',
      b: 'Mother',
      d: 'Sister',
      e: 'Sister 2',
      f: 'A. B.',
      g: 'Boss',
    });
  });

  it('tells names that only describe a relation from personal names', () => {
    for (const name of ['Father', 'Line manager', 'Older sister', 'Previous counsellor', 'GP', 'Mother-in-law']) {
      expect(isDescriptiveName(name), name).toBe(true);
    }
    for (const name of ['Owen', "Owen's father", 'Grace', 'Will', 'Dr Shah']) expect(isDescriptiveName(name), name).toBe(false);
  });
});

describe('deidentifyCase on tricky text', () => {
  it('leaves a name inside a longer word alone: "Ann" in "Annual", "Mark" in "marked"', () => {
    expect(summaryOf(MARK_CAST, 'Annual review; Anne came; he marked the Markers.')).toBe('Annual review; Anne came; he marked the Markers.');
  });

  it('replaces possessives, with either apostrophe', () => {
    expect(summaryOf(MARK_CAST, "Mark's boss and Mark’s partner; Ann's notes")).toBe("Client's boss and Client’s partner; Therapist's notes");
  });

  it('replaces every capitalisation', () => {
    expect(summaryOf(MARK_CAST, 'MARK, mark, Mark and mArK')).toBe('Client, Client, Client and Client');
  });

  it('replaces names next to punctuation and at the edges of the text', () => {
    expect(summaryOf(MARK_CAST, 'Mark: "Ann?" (Mark) [ann]—Mark.')).toBe('Client: "Therapist?" (Client) [Therapist]—Client.');
  });

  it('replaces a name inside an email-like token, since letters alone make a word', () => {
    expect(summaryOf(MARK_CAST, 'wrote to mark.jones@clinic.org and ann_lee2@x.com')).toBe(
      'wrote to Client.jones@clinic.org and Therapist_Therapist2@x.com',
    );
  });

  it('replaces a full name first, then each part of it on its own', () => {
    expect(summaryOf(MARK_CAST, 'Ann Lee said; Ann\nLee said; Lee said; ANN said')).toBe(
      'Therapist said; Therapist said; Therapist said; Therapist said',
    );
  });

  it('replaces names that are also common words, as whole words, in any capitalisation (documented rule)', () => {
    expect(summaryOf(MARK_CAST, 'Will said he will call. Grace felt no grace. A rose for Rose.')).toBe(
      'Line manager said he Line manager call. Line manager felt no Line manager. A R. for R..',
    );
  });

  it('replaces a one-letter name only as written, and never the s of a possessive', () => {
    expect(summaryOf(MARK_CAST, "S says Mark's work is late; s is a letter; S's view")).toBe(
      "Supervisor says Client's work is late; s is a letter; Supervisor's view",
    );
  });

  it('replaces names in the title, person notes, system notes and relation acts, and nowhere keeps a name', () => {
    const kase = caseWith(MARK_CAST, 'Mark feels watched by Will.', 'Mark, 42: Will and the reviews');
    kase.people[0] = { ...(kase.people[0] as Case['people'][number]), note: "Mark's own words" };
    const { case: result, pseudonyms } = deidentifyCase(kase);
    expect(result.title).toBe('Client, 42: Line manager and the reviews');
    expect(result.people.map((p) => p.name)).toEqual(['Client', 'Therapist', 'Supervisor', 'Line manager', 'R.']);
    expect(result.people[0]?.note).toBe("Client's own words");
    expect(result.systems.client.notes).toBe('Client feels watched by Line manager.');
    expect(result.systems.client.relations[0]?.act).toBe('Client feels watched by Line manager.');
    expect(pseudonyms).toMatchObject({ c: 'Client', m: 'Line manager' });
    // The original is not changed.
    expect(kase.title).toBe('Mark, 42: Will and the reviews');
  });

  it('keeps names that only describe a relation, and leaves those words alone in the text', () => {
    const cast: CastMember[] = [
      { id: 'c', name: 'Owen', kind: 'client' },
      { id: 't', name: 'Nadia', kind: 'therapist' },
      { id: 'm', name: 'Line manager', kind: 'other' },
    ];
    const { case: result } = deidentifyCase(caseWith(cast, 'His line manager marks up Owen’s reports.'));
    expect(result.people.map((p) => p.name)).toEqual(['Client', 'Therapist', 'Line manager']);
    expect(result.summary).toBe('His line manager marks up Client’s reports.');
  });
});

/** Whole-word, case-insensitive: is `name` in `text`? */
function containsWord(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?![\\p{L}\\p{M}])`, 'iu').test(text);
}

const PERSONAL_NAMES = ['Mark', 'Ann', 'Will', 'Hope', 'Grace', 'Rose', 'Owen', 'Élodie', 'Zoë', 'Siobhán', "O'Brien", 'Mary-Jane', 'Li', 'Jo', 'Nadia', 'Kieran'];
const FILLER = ['annual', 'marked', 'the', 'review', 'hopeful', 'roses', 'willing', 'said', 'email', 'and'];

describe('deidentifyCase, property', () => {
  it('leaves no cast name, nor any part of one of two letters or more, anywhere in the case', () => {
    const name = fc.oneof(
      fc.constantFrom(...PERSONAL_NAMES),
      fc.tuple(fc.constantFrom(...PERSONAL_NAMES), fc.constantFrom(...PERSONAL_NAMES)).map(([a, b]) => `${a} ${b}`),
    );
    const cast = fc.uniqueArray(name, { minLength: 4, maxLength: 6, selector: (n) => n.toLowerCase() });
    const casing = fc.constantFrom<(word: string) => string>((w) => w, (w) => w.toUpperCase(), (w) => w.toLowerCase());
    const decoration = fc.constantFrom('', "'s", '’s', '.', ',', '@x.org', ')', ':');
    fc.assert(
      fc.property(cast, fc.array(fc.tuple(fc.nat(), casing, decoration, fc.constantFrom(...FILLER)), { maxLength: 30 }), (names, words) => {
        const people: CastMember[] = names.map((n, index) => ({
          id: `p${index}`,
          name: n,
          kind: index === 0 ? 'client' : index === 1 ? 'therapist' : index === 2 ? 'supervisor' : 'other',
          note: `${n} is known to ${names[0] as string}`,
        }));
        const text = words
          .map(([pick, style, after, filler]) => {
            const person = names[pick % names.length] as string;
            const parts = person.split(' ');
            const word = pick % 3 === 0 ? (parts[pick % parts.length] as string) : person;
            return `${style(word)}${after} ${filler}`;
          })
          .join(' ');
        const result = JSON.stringify(deidentifyCase(caseWith(people, text, `${names[0] as string}: ${text}`.slice(0, 200))).case);
        for (const person of names) {
          for (const part of [person, ...person.split(/[\s-]/), ...(person.match(/\p{L}{2,}/gu) ?? [])]) {
            if (containsWord(result, part)) throw new Error(`"${part}" is still in ${result}`);
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
