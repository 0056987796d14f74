// The harness's bcrypt, which lets the gitops tests check that Argo CD gets the hash of the exported
// password, must agree with the reference implementation.
import { strict as assert } from "assert";
import { bcryptHash, bcryptMatches } from "../harness/bcrypt";

describe("gitops: the harness's bcrypt", () => {
    it("matches the OpenBSD/Openwall reference vector", () => {
        assert.ok(bcryptMatches("U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
        assert.ok(!bcryptMatches("U*V", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
    });

    it("hashes with cost 10 and a fresh salt, like @pulumi/random", () => {
        const first = bcryptHash("correct horse battery staple");
        const second = bcryptHash("correct horse battery staple");
        assert.match(first, /^\$2a\$10\$[./A-Za-z0-9]{53}$/);
        assert.notEqual(first, second);
        assert.ok(bcryptMatches("correct horse battery staple", first));
        assert.ok(!bcryptMatches("correct horse battery stapler", first));
    });
});
