import { checkConflicts, loadConflictDirectory, normalizePartyName } from '../../../src/domain/intake/conflictCheck';

describe('checkConflicts', () => {
  it('loads the shipped directory', () => {
    expect(loadConflictDirectory().length).toBeGreaterThanOrEqual(15);
  });

  it('normalises punctuation, accents, word order and company suffixes', () => {
    expect(normalizePartyName('Fabrikam, Inc.')).toBe('fabrikam');
    expect(normalizePartyName('O’Brien, Kévin')).toBe(normalizePartyName("Kevin O'Brien"));
    expect(normalizePartyName('The Contoso Company LLC')).toBe('contoso');
  });

  it('finds exact matches on names and aliases and reports the role and matter', () => {
    const matches = checkConflicts(['fabrikam inc', 'Bob Delgado', 'Delgado, Robert']);
    expect(matches).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ party: 'fabrikam inc', matchedName: 'Fabrikam, Inc.', role: 'client', matchType: 'exact', similarity: 1 }),
        expect.objectContaining({ party: 'Bob Delgado', matchedName: 'Robert Delgado', role: 'adverse_party', matterRef: 'M-2024-025', matchType: 'exact' }),
        expect.objectContaining({ party: 'Delgado, Robert', matchedName: 'Robert Delgado', matchType: 'exact' }),
      ]),
    );
    expect(matches).toHaveLength(3);
  });

  it('flags close spellings as similar, for a person to confirm', () => {
    const [match] = checkConflicts(['Margaret Thorton']);
    expect(match).toMatchObject({ matchedName: 'Margaret Thornton', matchType: 'similar' });
    expect(match!.similarity).toBeGreaterThanOrEqual(0.92);
    expect(match!.similarity).toBeLessThan(1);
  });

  it('returns nothing for unrelated names and empty input', () => {
    expect(checkConflicts(['Jane Smith', 'Acme Plumbing', '', 'x'])).toEqual([]);
    expect(checkConflicts([])).toEqual([]);
  });
});
