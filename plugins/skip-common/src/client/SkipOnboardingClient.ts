// openapi-fetch names its methods after the HTTP verbs (GET, POST), which new-cap takes for constructors.
/* eslint-disable new-cap */
import {
  createSkipApiClient,
  SkipApiClientOptions,
} from './createSkipApiClient';
import type { paths } from '../generated/skipOnboarding';
import type {
  TeamPrefix,
  TeamPrefixList,
  OnboardingApprovalResult,
  OnboardingPlan,
  PrefixRequest,
  PrefixRequestInput,
  PrefixRequestState,
  PrefixValidation,
} from '../onboarding/types';
import type { SkipOnboardingApi } from './SkipOnboardingApi';

/** What the client needs of Backstage. */
export type SkipOnboardingClientOptions = SkipApiClientOptions;

/** {@link SkipOnboardingApi} over HTTP, typed by the skip-onboarding OpenAPI spec. */
export class SkipOnboardingClient implements SkipOnboardingApi {
  private readonly discoveryApi: SkipOnboardingClientOptions['discoveryApi'];
  private readonly client;

  constructor(options: SkipOnboardingClientOptions) {
    this.discoveryApi = options.discoveryApi;
    this.client = createSkipApiClient<paths>(options);
  }

  async listPrefixes(options?: {
    /** false: without each prefix's namespaces, and without reading any cluster. */
    namespaces?: boolean;
  }): Promise<TeamPrefixList> {
    const { data } = await this.client.GET('/prefixes', {
      baseUrl: await this.baseUrl(),
      params: { query: { namespaces: options?.namespaces } },
    });
    return data!;
  }

  async validatePrefix(input: PrefixRequestInput): Promise<PrefixValidation> {
    const { data } = await this.client.POST('/validate', {
      baseUrl: await this.baseUrl(),
      body: input,
    });
    return data!;
  }

  async listRequests(
    query: { team?: string; state?: PrefixRequestState } = {},
  ): Promise<{ items: PrefixRequest[] }> {
    const { data } = await this.client.GET('/requests', {
      baseUrl: await this.baseUrl(),
      params: { query },
    });
    return data!;
  }

  async createRequest(input: PrefixRequestInput): Promise<PrefixRequest> {
    const { data } = await this.client.POST('/requests', {
      baseUrl: await this.baseUrl(),
      body: input,
    });
    return data!;
  }

  async getRequest(requestId: string): Promise<PrefixRequest> {
    const { data } = await this.client.GET('/requests/{requestId}', {
      baseUrl: await this.baseUrl(),
      params: { path: { requestId } },
    });
    return data!;
  }

  async planRequest(requestId: string): Promise<OnboardingPlan> {
    const { data } = await this.client.GET('/requests/{requestId}/plan', {
      baseUrl: await this.baseUrl(),
      params: { path: { requestId } },
    });
    return data!;
  }

  async approveRequest(
    requestId: string,
    reason?: string,
  ): Promise<OnboardingApprovalResult> {
    const { data } = await this.client.POST('/requests/{requestId}/approve', {
      baseUrl: await this.baseUrl(),
      params: { path: { requestId } },
      body: reason ? { reason } : {},
    });
    return data!;
  }

  async rejectRequest(
    requestId: string,
    reason: string,
  ): Promise<PrefixRequest> {
    const { data } = await this.client.POST('/requests/{requestId}/reject', {
      baseUrl: await this.baseUrl(),
      params: { path: { requestId } },
      body: { reason },
    });
    return data!;
  }

  async retirePrefix(
    prefix: string,
    reason: string,
    force?: boolean,
  ): Promise<TeamPrefix> {
    const { data } = await this.client.POST('/prefixes/{prefix}/retire', {
      baseUrl: await this.baseUrl(),
      params: { path: { prefix } },
      body: force ? { reason, force } : { reason },
    });
    return data!;
  }

  async exportPrefix(prefix: string): Promise<{ yaml: string }> {
    const { data } = await this.client.GET('/prefixes/{prefix}/export', {
      baseUrl: await this.baseUrl(),
      params: { path: { prefix } },
    });
    return data!;
  }

  private baseUrl(): Promise<string> {
    return this.discoveryApi.getBaseUrl('skip-onboarding');
  }
}
