import { existsSync } from 'node:fs';
import path from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The project root, whether running from src/ (tsx) or dist/ (compiled). */
export const REPO_ROOT = findRepoRoot(__dirname);

export const paths = {
  cards: path.join(REPO_ROOT, 'cards'),
  careerMapData: path.join(REPO_ROOT, 'data', 'career-map'),
  ferretdbBinary: path.join(REPO_ROOT, '.tools', 'bin', 'ferretdb'),
  ferretdbInstaller: path.join(REPO_ROOT, 'scripts', 'install-ferretdb.sh'),
};
