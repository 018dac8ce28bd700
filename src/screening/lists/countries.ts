import { isCountryCode } from '../../domain/index.js';

/**
 * Country names as lists write them → ISO 3166-1 alpha-2. Lists use short
 * names, old names and regions ("Burma", "Crimea Region of Ukraine"); unknown
 * names give undefined rather than a guess.
 */
const NAMES: Record<string, string> = {};
const TABLE = `AF Afghanistan|AL Albania|DZ Algeria|AD Andorra|AO Angola|AG Antigua and Barbuda|AR Argentina|AM Armenia|AU Australia|AT Austria|AZ Azerbaijan|BS Bahamas|BH Bahrain|BD Bangladesh|BB Barbados|BY Belarus|BE Belgium|BZ Belize|BJ Benin|BT Bhutan|BO Bolivia|BA Bosnia and Herzegovina|BA Bosnia-Herzegovina|BW Botswana|BR Brazil|BN Brunei|BG Bulgaria|BF Burkina Faso|MM Burma|MM Myanmar|BI Burundi|KH Cambodia|CM Cameroon|CA Canada|CV Cape Verde|CF Central African Republic|TD Chad|CL Chile|CN China|CN People's Republic of China|CN Peoples Republic of China|CN PRC|CO Colombia|KM Comoros|CG Congo|CG Republic of the Congo|CD Democratic Republic of the Congo|CD Congo, Democratic Republic of the|CR Costa Rica|CI Cote d'Ivoire|CI Ivory Coast|HR Croatia|CU Cuba|CY Cyprus|CZ Czech Republic|CZ Czechia|DK Denmark|DJ Djibouti|DM Dominica|DO Dominican Republic|EC Ecuador|EG Egypt|SV El Salvador|GQ Equatorial Guinea|ER Eritrea|EE Estonia|SZ Eswatini|SZ Swaziland|ET Ethiopia|FJ Fiji|FI Finland|FR France|GA Gabon|GM Gambia|GM The Gambia|GE Georgia|DE Germany|GH Ghana|GR Greece|GD Grenada|GT Guatemala|GN Guinea|GW Guinea-Bissau|GY Guyana|HT Haiti|HN Honduras|HK Hong Kong|HU Hungary|IS Iceland|IN India|ID Indonesia|IR Iran|IQ Iraq|IE Ireland|IL Israel|IT Italy|JM Jamaica|JP Japan|JO Jordan|KZ Kazakhstan|KE Kenya|KI Kiribati|KP North Korea|KP Korea, North|KP Democratic People's Republic of Korea|KP DPRK|KR South Korea|KR Korea, South|KR Republic of Korea|KR Korea|XK Kosovo|KW Kuwait|KG Kyrgyzstan|LA Laos|LV Latvia|LB Lebanon|LS Lesotho|LR Liberia|LY Libya|LI Liechtenstein|LT Lithuania|LU Luxembourg|MO Macau|MO Macao|MK North Macedonia|MK Macedonia|MG Madagascar|MW Malawi|MY Malaysia|MV Maldives|ML Mali|MT Malta|MH Marshall Islands|MR Mauritania|MU Mauritius|MX Mexico|FM Micronesia|MD Moldova|MC Monaco|MN Mongolia|ME Montenegro|MA Morocco|MZ Mozambique|NA Namibia|NR Nauru|NP Nepal|NL Netherlands|NL The Netherlands|NZ New Zealand|NI Nicaragua|NE Niger|NG Nigeria|NO Norway|OM Oman|PK Pakistan|PW Palau|PS Palestinian|PS Palestine|PS West Bank|PA Panama|PG Papua New Guinea|PY Paraguay|PE Peru|PH Philippines|PL Poland|PT Portugal|QA Qatar|RO Romania|RU Russia|RU Russian Federation|RW Rwanda|KN Saint Kitts and Nevis|LC Saint Lucia|VC Saint Vincent and the Grenadines|WS Samoa|SM San Marino|ST Sao Tome and Principe|SA Saudi Arabia|SN Senegal|RS Serbia|SC Seychelles|SL Sierra Leone|SG Singapore|SK Slovakia|SI Slovenia|SB Solomon Islands|SO Somalia|ZA South Africa|SS South Sudan|ES Spain|LK Sri Lanka|SD Sudan|SR Suriname|SE Sweden|CH Switzerland|SY Syria|TW Taiwan|TJ Tajikistan|TZ Tanzania|TH Thailand|TL Timor-Leste|TG Togo|TO Tonga|TT Trinidad and Tobago|TN Tunisia|TR Turkey|TR Turkiye|TR Türkiye|TR Turkey (Turkiye)|TM Turkmenistan|TV Tuvalu|UG Uganda|UA Ukraine|UA Crimea Region of Ukraine|UA Crimea|AE United Arab Emirates|AE UAE|GB United Kingdom|GB UK|GB Great Britain|US United States|US USA|US United States of America|UY Uruguay|UZ Uzbekistan|VU Vanuatu|VA Vatican City|VE Venezuela|VN Vietnam|VN Viet Nam|YE Yemen|ZM Zambia|ZW Zimbabwe|KY Cayman Islands|VG British Virgin Islands|VG Virgin Islands, British|BM Bermuda|GI Gibraltar|IM Isle of Man|JE Jersey|GG Guernsey|AW Aruba|CW Curacao|SX Sint Maarten|PR Puerto Rico|NC New Caledonia|PF French Polynesia|GL Greenland|FO Faroe Islands|AN Netherlands Antilles|CS Serbia and Montenegro|KP North Korea (DPRK)|KP North Korean entity in China|TR Turkish individual`;
for (const item of TABLE.split('|')) {
  const code = item.slice(0, 2);
  NAMES[foldCountry(item.slice(3))] = code;
}

function foldCountry(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/g, "'")
    .replace(/[^a-z' ()]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** ISO code for a country written as a code or a name; undefined when it is neither. */
export function countryCode(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  if (t.length === 2 && isCountryCode(t.toUpperCase())) return t.toUpperCase();
  return NAMES[foldCountry(t)] ?? NAMES[foldCountry(t.replace(/\s*\(.*\)\s*$/, ''))];
}
