/**
 * Blind round 38: a LICENSE titled "MIT No Attribution" (MIT-0) was reported as MIT. A licence
 * identifier is matched whole: MIT-0, BSD-3-Clause-Clear, 0BSD and Apache-2.0 WITH LLVM-exception
 * are named as such, while the plain MIT, BSD-3-Clause and Apache-2.0 texts keep their names.
 */
import { describe, expect, it } from 'vitest';
import { runRuleOn } from '../src/testing/rule-tester.js';
import license from './security/license.js';

const GRANT =
  'Permission is hereby granted, free of charge, to any person obtaining a copy of this\nsoftware and associated documentation files (the "Software"), to deal in the Software\nwithout restriction, including without limitation the rights to use, copy, modify,\nmerge, publish, distribute, sublicense, and/or sell copies of the Software, and to\npermit persons to whom the Software is furnished to do so';
const KEPT =
  ', subject to the following conditions:\n\nThe above copyright notice and this permission notice shall be included in all\ncopies or substantial portions of the Software.\n';
const WARRANTY = '\nTHE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.\n';
const BSD3 =
  'Redistribution and use in source and binary forms, with or without modification, are permitted\nprovided that the following conditions are met:\n\n1. Redistributions of source code must retain the above copyright notice.\n2. Redistributions in binary form must reproduce the above copyright notice.\n3. Neither the name of the copyright holder nor the names of its contributors may be used to\nendorse or promote products derived from this software without specific prior written permission.\n';

const licenceOf = async (text: string) => (await runRuleOn(license, { LICENSE: text, 'a.py': 'x = 1\n' })).message;

describe('round 38: licence variants are named whole', () => {
  it('MIT No Attribution is MIT-0, titled or not', async () => {
    expect(await licenceOf(`MIT No Attribution\n\nCopyright 2024 Example\n\n${GRANT}.\n${WARRANTY}`)).toContain(
      '(MIT-0)',
    );
    expect(await licenceOf(`Copyright 2024 Example\n\n${GRANT}.\n${WARRANTY}`)).toContain('(MIT-0)');
  });

  it('the MIT licence, with its condition that the notice be kept, stays MIT', async () => {
    const m = await licenceOf(`MIT License\n\nCopyright (c) 2024 Example\n\n${GRANT}${KEPT}${WARRANTY}`);
    expect(m).toContain('(MIT)');
    expect(m).not.toContain('MIT-0');
    // A cut-off text (no disclaimer seen) is not called MIT-0.
    expect(await licenceOf(`Copyright 2024 Example\n\n${GRANT}`)).toContain('(MIT)');
  });

  it('the Clear BSD licence and 0BSD are not BSD-3-Clause', async () => {
    expect(
      await licenceOf(
        `The Clear BSD License\n\nCopyright (c) 2024 Example\n\n${BSD3}\nNO EXPRESS OR IMPLIED LICENSES TO ANY PARTY'S PATENT RIGHTS ARE GRANTED BY THIS LICENSE.\n`,
      ),
    ).toContain('(BSD-3-Clause-Clear)');
    expect(
      await licenceOf(
        `Copyright (c) 2024 Example\n\n${BSD3}\nNO EXPRESS OR IMPLIED LICENSES TO ANY PARTY'S PATENT RIGHTS ARE GRANTED BY THIS LICENSE.\n`,
      ),
    ).toContain('(BSD-3-Clause-Clear)');
    expect(await licenceOf(`Copyright (c) 2024 Example\n\n${BSD3}`)).toContain('(BSD-3-Clause)');
    expect(
      await licenceOf(
        'BSD Zero Clause License\n\nCopyright (c) 2024 Example\n\nPermission to use, copy, modify, and/or distribute this software for any\npurpose with or without fee is hereby granted.\n',
      ),
    ).toContain('(0BSD)');
  });

  it('Apache-2.0 with the LLVM exception appended names the exception; plain Apache-2.0 does not', async () => {
    const apache =
      '                                 Apache License\n                           Version 2.0, January 2004\n\n   TERMS AND CONDITIONS\n';
    expect(
      await licenceOf(`${apache}\n---- LLVM Exceptions to the Apache 2.0 License ----\n\nAs an exception, …\n`),
    ).toContain('(Apache-2.0 WITH LLVM-exception)');
    expect(await licenceOf(apache)).toContain('(Apache-2.0)');
  });
});
