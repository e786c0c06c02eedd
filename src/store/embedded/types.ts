/** A development database this process started and must stop. */
export interface EmbeddedDatabase {
  uri: string;
  /** Which server is running, for logs ("FerretDB 1.x on SQLite", "mongod 8.2"). */
  engine: string;
  /** Process id of the database server, when known. */
  pid?: number;
  stop(): Promise<void>;
}

/** Prints one line of start-up progress for the person waiting at the terminal. */
export type Progress = (line: string) => void;

/** Why an option cannot be used on this machine; the chooser moves on to the next one. */
export interface Unavailable {
  unavailable: string;
}

/** One way of getting a database, tried in order until one starts. */
export interface EmbeddedOption {
  /** Short name used in progress lines and in the final failure message. */
  label: string;
  start(progress: Progress): Promise<EmbeddedDatabase | Unavailable>;
}

export function isUnavailable(result: EmbeddedDatabase | Unavailable): result is Unavailable {
  return 'unavailable' in result;
}
