/** A person of the organization, as member pickers show them. */
export interface Member {
  id: string;
  name: string;
  /** Role ids the person holds (member fields may be limited to some roles). */
  roles: readonly string[];
  /** Shown under the name to tell namesakes apart, e.g. the workshop. */
  detail?: string;
}

/** The people member pickers offer; the server's user list, cached on the device. */
export interface Directory {
  members: readonly Member[];
}

export const EMPTY_DIRECTORY: Directory = { members: [] };
