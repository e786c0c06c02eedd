import { mayDownload } from '../../../../src/channels/teams/uploads/downloadRule';

describe('which file download URLs the bot fetches', () => {
  it.each([
    'https://contoso.sharepoint.com/personal/head/_layouts/15/download.aspx?UniqueId=abc',
    'https://contoso-my.sharepoint.com/personal/head/Documents/staff.csv',
    'https://contoso.sharepoint-df.com/download.aspx?x=1',
  ])('fetches SharePoint over https in every mode: %s', (url) => {
    expect(mayDownload(url, false)).toBe(true);
    expect(mayDownload(url, true)).toBe(true);
  });

  it.each([
    'http://contoso.sharepoint.com/staff.csv',
    'https://contoso.sharepoint.com.evil.example/staff.csv',
    'https://sharepoint.com.evil.example/staff.csv',
    'https://evilsharepoint.com/staff.csv',
    'https://contoso.sharepoint.com:8443/staff.csv',
    'https://user:pw@contoso.sharepoint.com/staff.csv',
    'http://127.0.0.1:8080/staff.csv',
    'http://localhost/staff.csv',
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.5/staff.csv',
    'file:///etc/passwd',
    'not a url',
  ])('refuses anything else in authenticated mode: %s', (url) => {
    expect(mayDownload(url, false)).toBe(false);
  });

  it('accepts a loopback server only in unauthenticated local mode', () => {
    expect(mayDownload('http://127.0.0.1:8080/staff.csv', true)).toBe(true);
    expect(mayDownload('http://10.0.0.5/staff.csv', true)).toBe(false);
    expect(mayDownload('http://169.254.169.254/latest/meta-data', true)).toBe(false);
  });
});
