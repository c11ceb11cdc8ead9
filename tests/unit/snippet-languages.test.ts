/**
 * Go, Ruby and PHP samples (model/snippets-go.ts, -ruby.ts, -php.ts) and the body each language sends
 * (model/request-body.ts): exact output for a JSON request, a form in every language, text bodies with
 * curl's implicit Content-Type, repeated form names, and the literals' escaping.
 */
import { describe, expect, it } from 'vitest';
import { parseCurl, type RequestModel } from '../../src/core/model/request-model.ts';
import { fetchSnippet, requestsSnippet, snippetsFor } from '../../src/core/model/snippets.ts';
import { goSnippet, goString } from '../../src/core/model/snippets-go.ts';
import { phpSnippet, phpString } from '../../src/core/model/snippets-php.ts';
import { rubySnippet } from '../../src/core/model/snippets-ruby.ts';
import { bodyPlan } from '../../src/core/model/request-body.ts';

const JSON_PUT: RequestModel = {
  method: 'PUT',
  url: 'https://api.example.test/v1/parcels/{parcel_id}',
  headers: [
    ['Authorization', 'Bearer <ACCESS_TOKEN>'],
    ['Content-Type', 'application/json'],
  ],
  body: '{\n  "weight": 1850,\n  "gift": true,\n  "note": null,\n  "to": {"city": "Bristol"}\n}',
};

const model = (text: string) => parseCurl(text)!.model;

describe('Go (net/http)', () => {
  it('is a whole program: sorted imports, the JSON body as written in a raw string, headers set', () => {
    expect(goSnippet(JSON_PUT)).toBe(
      [
        'package main',
        '',
        'import (',
        '\t"fmt"',
        '\t"io"',
        '\t"net/http"',
        '\t"strings"',
        ')',
        '',
        'func main() {',
        '\treq, err := http.NewRequest("PUT", "https://api.example.test/v1/parcels/{parcel_id}", strings.NewReader(`{',
        '  "weight": 1850,',
        '  "gift": true,',
        '  "note": null,',
        '  "to": {"city": "Bristol"}',
        '}`))',
        '\tif err != nil {',
        '\t\tpanic(err)',
        '\t}',
        '\treq.Header.Set("Authorization", "Bearer <ACCESS_TOKEN>")',
        '\treq.Header.Set("Content-Type", "application/json")',
        '',
        '\tres, err := http.DefaultClient.Do(req)',
        '\tif err != nil {',
        '\t\tpanic(err)',
        '\t}',
        '\tdefer res.Body.Close()',
        '\tdata, err := io.ReadAll(res.Body)',
        '\tif err != nil {',
        '\t\tpanic(err)',
        '\t}',
        '\tfmt.Println(string(data))',
        '}',
      ].join('\n'),
    );
  });

  it('sends no body as nil, adds a repeated header, and quotes text a raw string cannot hold', () => {
    const code = goSnippet(model(`curl https://a.test/x -H 'X-A: 1' -H 'X-A: 2' -u me:pw`));
    expect(code).toContain('http.NewRequest("GET", "https://a.test/x", nil)');
    expect(code).toContain('req.Header.Set("X-A", "1")\n\treq.Header.Add("X-A", "2")');
    expect(code).toContain('req.SetBasicAuth("me", "pw")');
    expect(code).not.toContain('"strings"');
    expect(goString('a`b"c')).toBe('"a`b\\"c"');
    expect(goString('plain')).toBe('"plain"');
  });
});

describe('Ruby (net/http)', () => {
  it('sends a JSON body as a hash literal with to_json', () => {
    expect(rubySnippet(JSON_PUT)).toBe(
      [
        'require "json"',
        'require "net/http"',
        '',
        'uri = URI("https://api.example.test/v1/parcels/{parcel_id}")',
        'request = Net::HTTP::Put.new(uri)',
        'request["Authorization"] = "Bearer <ACCESS_TOKEN>"',
        'request["Content-Type"] = "application/json"',
        'request.body = {',
        '  "weight" => 1850,',
        '  "gift" => true,',
        '  "note" => nil,',
        '  "to" => { "city" => "Bristol" },',
        '}.to_json',
        '',
        'response = Net::HTTP.start(uri.hostname, uri.port, use_ssl: uri.scheme == "https") do |http|',
        '  http.request(request)',
        'end',
        'puts response.body',
      ].join('\n'),
    );
  });

  it('escapes the # that would start an interpolation; other methods use HTTPGenericRequest', () => {
    expect(rubySnippet(model(`curl -X PURGE 'https://a.test/#{x}/#@y/#$z/#1'`))).toContain(
      'uri = URI("https://a.test/\\#{x}/\\#@y/\\#$z/#1")\nrequest = Net::HTTPGenericRequest.new("PURGE", false, true, uri)',
    );
  });
});

describe('PHP (curl extension)', () => {
  it('sets the method, headers and body as curl options, in single-quoted strings', () => {
    expect(phpSnippet(JSON_PUT)).toBe(
      [
        '<?php',
        '',
        "$ch = curl_init('https://api.example.test/v1/parcels/{parcel_id}');",
        'curl_setopt_array($ch, [',
        "    CURLOPT_CUSTOMREQUEST => 'PUT',",
        '    CURLOPT_HTTPHEADER => [',
        "        'Authorization: Bearer <ACCESS_TOKEN>',",
        "        'Content-Type: application/json',",
        '    ],',
        `    CURLOPT_POSTFIELDS => '${JSON_PUT.body}',`,
        '    CURLOPT_RETURNTRANSFER => true,',
        ']);',
        '$response = curl_exec($ch);',
        'echo $response;',
      ].join('\n'),
    );
    expect(phpString(`it's \\ $x`)).toBe(`'it\\'s \\\\ $x'`);
  });

  it('names the method only where curl options do not imply it', () => {
    const opts = (text: string) => phpSnippet(model(text)).match(/CURLOPT_(?:CUSTOMREQUEST => '\w+'|POST(?= )|NOBODY)/g) ?? [];
    expect(opts('curl https://a.test/x')).toEqual([]);
    expect(opts('curl https://a.test/x -d a=1')).toEqual([]);
    expect(opts('curl -X POST https://a.test/x')).toEqual(['CURLOPT_POST']);
    expect(opts('curl -I https://a.test/x')).toEqual(['CURLOPT_NOBODY']);
    expect(opts(`curl -X GET https://a.test/x -d 'q=1'`)).toEqual(["CURLOPT_CUSTOMREQUEST => 'GET'"]);
    expect(opts('curl -X DELETE https://a.test/x')).toEqual(["CURLOPT_CUSTOMREQUEST => 'DELETE'"]);
  });
});

describe('form bodies (`-d key=value`) in every language', () => {
  const form = model('curl https://a.test/v1/x -d color=red -d "size=x large"');

  it('use the language form encoder, which labels the body as curl does', () => {
    expect(bodyPlan(form)).toEqual({
      kind: 'form',
      fields: [
        ['color', 'red'],
        ['size', 'x large'],
      ],
    });
    expect(fetchSnippet(form)).toContain('  body: new URLSearchParams({ color: "red", size: "x large" }),');
    expect(fetchSnippet(form)).not.toContain('Content-Type');
    expect(requestsSnippet(form)).toContain('    data={"color": "red", "size": "x large"},');
    expect(requestsSnippet(form)).not.toContain('Content-Type');
    expect(rubySnippet(form)).toContain('request.set_form_data("color" => "red", "size" => "x large")');
    expect(phpSnippet(form)).toContain("CURLOPT_POSTFIELDS => http_build_query(['color' => 'red', 'size' => 'x large']),");
    // Go's url.Values does not label the body: the sample does.
    expect(goSnippet(form)).toContain(
      '\tform := url.Values{}\n\tform.Add("color", "red")\n\tform.Add("size", "x large")\n\treq, err := http.NewRequest("POST", "https://a.test/v1/x", strings.NewReader(form.Encode()))',
    );
    expect(goSnippet(form)).toContain('req.Header.Set("Content-Type", "application/x-www-form-urlencoded")');
  });

  it('keep a repeated name as a list of pairs (PHP: the encoded text, since array keys cannot repeat)', () => {
    const repeated = model(`curl https://a.test/x -d 'tags[]=a' -d 'tags[]=b'`);
    expect(fetchSnippet(repeated)).toContain('body: new URLSearchParams([\n    ["tags[]", "a"],\n    ["tags[]", "b"],\n  ]),');
    expect(requestsSnippet(repeated)).toContain('data=[\n        ("tags[]", "a"),\n        ("tags[]", "b"),\n    ],');
    expect(rubySnippet(repeated)).toContain('request.set_form_data([["tags[]", "a"], ["tags[]", "b"]])');
    expect(phpSnippet(repeated)).toContain("CURLOPT_POSTFIELDS => 'tags%5B%5D=a&tags%5B%5D=b',");
  });

  it('send text that is not a form, or JSON without a JSON type, as text with curl’s form Content-Type', () => {
    const raw = model(`curl https://a.test/x -d '{"a": 1}'`);
    expect(bodyPlan(raw)).toEqual({ kind: 'raw', text: '{"a": 1}' });
    for (const s of snippetsFor(`curl https://a.test/x -d '{"a": 1}'`)!.slice(1)) {
      expect(s.code, s.id).toMatch(/Content-Type["']?(: |", |\] = )"?application\/x-www-form-urlencoded/);
    }
  });
});
