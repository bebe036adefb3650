/**
 * The optimal assignment of a programme's mentees to its mentors: the largest total match score,
 * each mentee with at most one mentor, each mentor with at most its cap. Pure: numbers in,
 * numbers out, no database.
 *
 * A min-cost flow solved by successive shortest paths. Mentees are placed one at a time; placing
 * one may move already placed mentees from mentor to mentor, or leave one unmatched, whenever that
 * raises the total (a path of moves ending at a mentor with room, or at "unmatched"). After each
 * mentee the assignment is optimal for the mentees placed so far, so after the last it is optimal.
 *
 * The shortest paths run over mentor nodes only, plus one node "unmatched" (cost 0, no limit).
 * With `c = −score`, the edge j → l ("move one of j's mentees k to l") costs
 * `D[j][l] = min over k of c(k, l) − c(k, j)`; the mentees' own potentials cancel on such a
 * two-step move, so D does not depend on potentials and only the rows of mentors whose mentees
 * changed are recomputed. Mentor potentials (Johnson) keep every reduced edge non-negative, so
 * Dijkstra applies: a new mentee i starts with labels `c(i, l) − π(l)`, nodes are taken by
 * (distance, index), and the search stops at the first node taken that has room ("unmatched"
 * always has); then `π(v) += min(d(v), d(stop))`. Every mentor with room has had the same
 * potential since the start (their counts never went down, so they were never taken before the
 * stop), so the first one taken is the nearest in true cost too.
 *
 * Costs are scaled so that, among assignments of the largest total score, one matching the most
 * mentees wins: a pair costs `−(score·(n + 1) + 1)`. A mentee is therefore left unmatched only
 * when every mentor it may have is full. All arithmetic is on integers (exact in float64), and
 * every choice goes to the lower index, so the same input always gives the same answer: the
 * caller passes mentees and mentors in id order, and ties go to the lower mentor id.
 */

/** What `assign` solves. */
export interface AssignmentProblem {
  menteeCount: number;
  mentorCount: number;
  /** `menteeCount × mentorCount`, one row per mentee: the pair's score (0–100), or −1 for a pair that may not be made. */
  scores: ArrayLike<number>;
  /** How many mentees each mentor may take (0 or less: none). */
  caps: ArrayLike<number>;
}

export interface Assignment {
  /** For each mentee, the index of its mentor, or −1 when it is left unmatched. */
  mentorOf: Int32Array;
  /** The sum of the scores of the pairs made. */
  totalScore: number;
  /** How many mentees have a mentor. */
  matched: number;
}

export function assign(problem: AssignmentProblem): Assignment {
  const n = problem.menteeCount;
  const mentorOf = new Int32Array(n).fill(-1);
  // Only mentors who can take someone are nodes; `column` maps a node back to its mentor.
  const liveColumns: number[] = [];
  for (let j = 0; j < problem.mentorCount; j++) if (problem.caps[j]! > 0) liveColumns.push(j);
  const m = liveColumns.length;
  if (n === 0 || m === 0) return { mentorOf, totalScore: 0, matched: 0 };

  const column = Int32Array.from(liveColumns);
  const cap = new Int32Array(m);
  const start = new Int32Array(m + 1);
  for (let l = 0; l < m; l++) {
    cap[l] = Math.min(problem.caps[column[l]!]!, n);
    start[l + 1] = start[l]! + cap[l]!;
  }
  // Scores of live mentors only, row by mentee; −1 forbids the pair.
  const score = new Int16Array(n * m);
  for (let i = 0; i < n; i++) {
    const from = i * problem.mentorCount;
    for (let l = 0; l < m; l++) score[i * m + l] = problem.scores[from + column[l]!]!;
  }

  const unmatched = m; // the extra node
  const width = m + 1;
  const scale = n + 1;
  const members = new Int32Array(start[m]!); // each mentor's mentees, at start[l] … start[l] + count[l]
  const count = new Int32Array(m);
  const assigned = new Int32Array(n).fill(-1); // node of each placed mentee (−1: unmatched)
  const potential = new Float64Array(width);
  const move = new Float64Array(m * width).fill(Infinity); // D[j][l]
  const moved = new Int32Array(m * width).fill(-1); // the mentee k achieving D[j][l]
  const dist = new Float64Array(width);
  const prev = new Int32Array(width);
  const open = new Int32Array(width);
  const at = new Int32Array(width); // each node's place in `open`
  const path: number[] = [];

  /** D's row for mentor j, from its current mentees. */
  const rebuild = (j: number) => {
    const row = j * width;
    move.fill(Infinity, row, row + width);
    moved.fill(-1, row, row + width);
    for (let t = start[j]!, end = t + count[j]!; t < end; t++) {
      const k = members[t]!;
      const base = k * m;
      const back = score[base + j]! * scale + 1; // −c(k, j): giving up k's place with j
      if (back < move[row + unmatched]!) {
        move[row + unmatched] = back;
        moved[row + unmatched] = k;
      }
      for (let l = 0; l < m; l++) {
        const s = score[base + l]!;
        if (s < 0 || l === j) continue;
        const d = back - (s * scale + 1);
        if (d < move[row + l]!) {
          move[row + l] = d;
          moved[row + l] = k;
        }
      }
    }
  };
  const remove = (j: number, k: number) => {
    const end = start[j]! + count[j]! - 1;
    for (let t = start[j]!; t <= end; t++) {
      if (members[t] === k) {
        members[t] = members[end]!;
        count[j]!--;
        return;
      }
    }
    throw new Error(`mentee ${k} is not with mentor ${j}`);
  };
  const place = (k: number, node: number) => {
    assigned[k] = node;
    if (node === unmatched) return;
    members[start[node]! + count[node]!] = k;
    count[node]!++;
  };

  for (let i = 0; i < n; i++) {
    const base = i * m;
    for (let l = 0; l < m; l++) {
      const s = score[base + l]!;
      dist[l] = s < 0 ? Infinity : -(s * scale + 1) - potential[l]!;
    }
    dist[unmatched] = -potential[unmatched]!;
    prev.fill(-1);
    // Dijkstra, dense: taking a node and relaxing its edges finds the next node in the same pass,
    // over the nodes not yet taken (`open`, in no particular order: ties go to the lower index).
    let u = -1;
    let best = Infinity;
    for (let v = 0; v < width; v++) {
      open[v] = v;
      at[v] = v;
      if (dist[v]! < best) {
        best = dist[v]!;
        u = v;
      }
    }
    let left = width;
    for (;;) {
      // "unmatched" is always finite, so some node is taken
      const last = open[--left]!;
      open[at[u]!] = last;
      at[last] = at[u]!;
      if (u === unmatched || count[u]! < cap[u]!) break;
      const row = u * width;
      const from = best + potential[u]!;
      let next = -1;
      best = Infinity;
      for (let t = 0; t < left; t++) {
        const v = open[t]!;
        const w = move[row + v]!;
        let d = dist[v]!;
        if (w !== Infinity) {
          const through = from + w - potential[v]!;
          if (through < d) {
            d = through;
            dist[v] = d;
            prev[v] = u;
          }
        }
        if (d < best || (d === best && v < next)) {
          best = d;
          next = v;
        }
      }
      u = next;
    }
    const stop = u;

    // Moves along the path, from its end: each mentor passes one mentee on and takes one.
    path.length = 0;
    let v = stop;
    while (prev[v] !== -1) {
      const u = prev[v]!;
      const k = moved[u * width + v]!;
      remove(u, k);
      place(k, v);
      path.push(u);
      v = u;
    }
    place(i, v);
    if (stop !== unmatched) path.push(stop);

    const reach = dist[stop]!;
    for (let x = 0; x < width; x++) potential[x]! += Math.min(dist[x]!, reach);
    for (const j of path) rebuild(j);
  }

  let totalScore = 0;
  let matched = 0;
  for (let i = 0; i < n; i++) {
    const node = assigned[i]!;
    if (node === unmatched || node < 0) continue;
    mentorOf[i] = column[node]!;
    totalScore += score[i * m + node]!;
    matched++;
  }
  return { mentorOf, totalScore, matched };
}
