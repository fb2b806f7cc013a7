import { describe, expect, test } from 'vitest';
import { authorizationServer } from '../../../../src/core/protocol/authorization-server.ts';

describe('a discovery document read once into a typed authorization server', () => {
  test('endpoints by the profile’s names, lists as strings, RFC 9207 only when it says true', () => {
    const server = authorizationServer({
      issuer: 'https://op.example',
      authorization_endpoint: 'https://op.example/authorize',
      token_endpoint: 'https://op.example/token',
      userinfo_endpoint: 42,
      scopes_supported: ['openid', 7, 'email'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      authorization_response_iss_parameter_supported: 'true',
    });
    expect(server).toEqual({
      issuer: 'https://op.example',
      endpoints: {
        authorization: 'https://op.example/authorize',
        token: 'https://op.example/token',
        jwks: '',
        userinfo: '',
        revocation: '',
        introspection: '',
        par: '',
      },
      scopesSupported: ['openid', 'email'],
      tokenEndpointAuthMethodsSupported: ['private_key_jwt'],
      tokenEndpointAuthSigningAlgValuesSupported: undefined,
      idTokenSigningAlgValuesSupported: undefined,
      codeChallengeMethodsSupported: undefined,
      authorizationResponseIssParameterSupported: false,
      requirePushedAuthorizationRequests: false,
      requireSignedRequestObject: false,
      requestObjectSigningAlgValuesSupported: undefined,
    });
  });

  test('a list the provider does not publish stays unknown, not empty', () => {
    const server = authorizationServer({ token_endpoint_auth_methods_supported: 'client_secret_basic' });
    expect(server.tokenEndpointAuthMethodsSupported).toBeUndefined();
    expect(server.issuer).toBeUndefined();
    expect(authorizationServer({ authorization_response_iss_parameter_supported: true })).toMatchObject({
      authorizationResponseIssParameterSupported: true,
    });
  });
});
