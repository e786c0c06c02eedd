import { ConflictError, ValidationError } from '../../errors';
import { DEFAULT_ORG_ID, type Organisation, type Workspace } from '../../core/organisation/organisation';
import type { Collections } from '../collections';
import type { OrganisationDoc } from '../documents';

function toOrganisation(doc: OrganisationDoc): Organisation {
  return {
    id: doc._id,
    name: doc.name,
    isDefault: doc.isDefault,
    // Read defensively: FerretDB 1.x drops empty arrays written by `$setOnInsert`.
    teamsTenantIds: doc.teamsTenantIds ?? [],
    slackTeamIds: doc.slackTeamIds ?? [],
  };
}

export class OrganisationRepository {
  /** Every turn resolves its organisation, and organisations change rarely: keep the list briefly. */
  private cached?: { orgs: Organisation[]; expires: number };

  constructor(
    private readonly c: Pick<Collections, 'organisations'>,
    private readonly cacheMs = 15_000,
  ) {}

  /** Creates the default organisation if it does not exist yet. */
  async ensureDefault(name = 'Our trust'): Promise<Organisation> {
    this.cached = undefined;
    const existing = await this.get(DEFAULT_ORG_ID);
    if (existing) return existing;
    try {
      await this.c.organisations.insertOne({
        _id: DEFAULT_ORG_ID,
        name,
        isDefault: true,
        teamsTenantIds: [],
        slackTeamIds: [],
        createdAt: new Date(),
      });
    } catch (error) {
      // Another replica created it first.
      if ((error as { code?: unknown }).code !== 11000) throw error;
    }
    return (await this.get(DEFAULT_ORG_ID)) as Organisation;
  }

  async get(id: string): Promise<Organisation | null> {
    const doc = await this.c.organisations.findOne({ _id: id });
    return doc ? toOrganisation(doc) : null;
  }

  async list(): Promise<Organisation[]> {
    const docs = await this.c.organisations.find({}).sort({ _id: 1 }).toArray();
    return docs.map(toOrganisation);
  }

  /**
   * The organisation a workspace belongs to. An unmapped workspace falls back to the default
   * organisation only while it is the only one; once several exist, it gets null ("not set up").
   */
  async resolve(workspace: Workspace): Promise<Organisation | null> {
    const orgs = await this.cachedList();
    const mapped =
      workspace.channel === 'teams'
        ? workspace.tenantId && orgs.find((org) => org.teamsTenantIds.includes(workspace.tenantId as string))
        : workspace.teamId && orgs.find((org) => org.slackTeamIds.includes(workspace.teamId as string));
    if (mapped) return mapped;
    return orgs.length === 1 && orgs[0]?.id === DEFAULT_ORG_ID ? orgs[0] : null;
  }

  private async cachedList(): Promise<Organisation[]> {
    if (this.cached && this.cached.expires > Date.now()) return this.cached.orgs;
    const orgs = await this.list();
    this.cached = { orgs, expires: Date.now() + this.cacheMs };
    return orgs;
  }

  /** Adds an organisation, or adds tenant/team mappings to an existing one. */
  async upsert(input: { id: string; name?: string; teamsTenantId?: string; slackTeamId?: string }): Promise<Organisation> {
    this.cached = undefined;
    if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(input.id)) {
      throw new ValidationError([`organisation id "${input.id}" must be lower-case letters, digits and hyphens`]);
    }
    await this.assertMappingFree('teamsTenantIds', input.teamsTenantId, input.id);
    await this.assertMappingFree('slackTeamIds', input.slackTeamId, input.id);
    const addToSet: Record<string, string> = {};
    if (input.teamsTenantId) addToSet.teamsTenantIds = input.teamsTenantId;
    if (input.slackTeamId) addToSet.slackTeamIds = input.slackTeamId;
    const existing = await this.get(input.id);
    if (!existing) {
      await this.c.organisations.insertOne({
        _id: input.id,
        name: input.name ?? input.id,
        isDefault: input.id === DEFAULT_ORG_ID,
        teamsTenantIds: input.teamsTenantId ? [input.teamsTenantId] : [],
        slackTeamIds: input.slackTeamId ? [input.slackTeamId] : [],
        createdAt: new Date(),
      });
    } else if (input.name || Object.keys(addToSet).length > 0) {
      await this.c.organisations.updateOne(
        { _id: input.id },
        {
          ...(input.name ? { $set: { name: input.name } } : {}),
          ...(Object.keys(addToSet).length ? { $addToSet: addToSet } : {}),
        },
      );
    }
    return (await this.get(input.id)) as Organisation;
  }

  private async assertMappingFree(
    field: 'teamsTenantIds' | 'slackTeamIds',
    value: string | undefined,
    orgId: string,
  ): Promise<void> {
    if (!value) return;
    const owner = await this.c.organisations.findOne({ [field]: value, _id: { $ne: orgId } });
    if (owner) throw new ConflictError(`${value} is already mapped to organisation "${owner._id}"`);
  }
}
