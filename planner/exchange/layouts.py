"""Which CRM wrote a file, what the file holds, and which of its columns is which field."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from enum import StrEnum

from planner.exchange.crm import CrmProfile, detect
from planner.i18n import QT_TRANSLATE_NOOP, translate

# The CRM a file's layout is from (also the `source` stored on imported records): its profile.
Layout = CrmProfile


class FileKind(StrEnum):
    """What one file (or sheet) holds."""

    DEALS = "deals"
    ACCOUNTS = "accounts"
    CONTACTS = "contacts"
    CONTACT_ROLES = "contact_roles"
    HISTORY = "history"
    PRODUCTS = "products"
    USERS = "users"
    UNUSED = "unused"

    @property
    def label(self) -> str:
        """'Deals', 'Stage history'... in the window's language."""
        return translate("ImportFileKind", _KIND_LABELS[self])

    @property
    def word(self) -> str:
        """The label inside a sentence ('a deals file'), in the window's language."""
        return translate("ImportFileKind", _KIND_WORDS[self])


# Sources of the "ImportFileKind" context: translated where shown (FileKind.label, .word).
_KIND_LABELS = {
    FileKind.DEALS: QT_TRANSLATE_NOOP("ImportFileKind", "Deals"),
    FileKind.ACCOUNTS: QT_TRANSLATE_NOOP("ImportFileKind", "Accounts"),
    FileKind.CONTACTS: QT_TRANSLATE_NOOP("ImportFileKind", "Contacts"),
    FileKind.CONTACT_ROLES: QT_TRANSLATE_NOOP("ImportFileKind", "Contact roles"),
    FileKind.HISTORY: QT_TRANSLATE_NOOP("ImportFileKind", "Stage history"),
    FileKind.PRODUCTS: QT_TRANSLATE_NOOP("ImportFileKind", "Products"),
    FileKind.USERS: QT_TRANSLATE_NOOP("ImportFileKind", "Users"),
    FileKind.UNUSED: QT_TRANSLATE_NOOP("ImportFileKind", "Not used"),
}
_KIND_WORDS = {
    FileKind.DEALS: QT_TRANSLATE_NOOP("ImportFileKind", "deals"),
    FileKind.ACCOUNTS: QT_TRANSLATE_NOOP("ImportFileKind", "accounts"),
    FileKind.CONTACTS: QT_TRANSLATE_NOOP("ImportFileKind", "contacts"),
    FileKind.CONTACT_ROLES: QT_TRANSLATE_NOOP("ImportFileKind", "contact roles"),
    FileKind.HISTORY: QT_TRANSLATE_NOOP("ImportFileKind", "stage history"),
    FileKind.PRODUCTS: QT_TRANSLATE_NOOP("ImportFileKind", "products"),
    FileKind.USERS: QT_TRANSLATE_NOOP("ImportFileKind", "users"),
    FileKind.UNUSED: QT_TRANSLATE_NOOP("ImportFileKind", "not used"),
}


class Field(StrEnum):
    """A field a column can be mapped to (which ones apply depends on the file's kind)."""

    EXTERNAL_ID = "external_id"
    TITLE = "title"
    ACCOUNT = "account"
    ACCOUNT_ID = "account_id"
    PRODUCT = "product"
    AMOUNT = "amount"
    CURRENCY = "currency"
    CLOSE_DATE = "close_date"
    STAGE = "stage"
    STATUS = "status"
    IS_WON = "is_won"
    IS_CLOSED = "is_closed"
    IS_DELETED = "is_deleted"
    PROBABILITY = "probability"
    OWNER = "owner"
    NEXT_STEP = "next_step"
    FORECAST_CATEGORY = "forecast_category"
    CREATED = "created"
    QUANTITY = "quantity"
    LOST_REASON = "lost_reason"
    CONTACT = "contact"
    NAME = "name"
    PARENT = "parent"
    PARENT_ID = "parent_id"
    INDUSTRY = "industry"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    PHONE = "phone"
    JOB_TITLE = "job_title"
    OPPORTUNITY_ID = "opportunity_id"
    CONTACT_ID = "contact_id"
    ROLE = "role"
    CHANGED_AT = "changed_at"
    PRICE = "price"

    @property
    def label(self) -> str:
        """'Account name', 'Close date'... in the window's language."""
        return translate("ImportField", FIELD_LABELS[self])


# English sources of the "ImportField" context: translated where shown, by Field.label.
FIELD_LABELS: dict[Field, str] = {
    Field.EXTERNAL_ID: QT_TRANSLATE_NOOP("ImportField", "CRM id"),
    Field.TITLE: QT_TRANSLATE_NOOP("ImportField", "Deal name"),
    Field.ACCOUNT: QT_TRANSLATE_NOOP("ImportField", "Account name"),
    Field.ACCOUNT_ID: QT_TRANSLATE_NOOP("ImportField", "Account id"),
    Field.PRODUCT: QT_TRANSLATE_NOOP("ImportField", "Product"),
    Field.AMOUNT: QT_TRANSLATE_NOOP("ImportField", "Amount"),
    Field.CURRENCY: QT_TRANSLATE_NOOP("ImportField", "Currency"),
    Field.CLOSE_DATE: QT_TRANSLATE_NOOP("ImportField", "Close date"),
    Field.STAGE: QT_TRANSLATE_NOOP("ImportField", "Stage"),
    Field.STATUS: QT_TRANSLATE_NOOP("ImportField", "Status (open/won/lost)"),
    Field.IS_WON: QT_TRANSLATE_NOOP("ImportField", "Is won"),
    Field.IS_CLOSED: QT_TRANSLATE_NOOP("ImportField", "Is closed"),
    Field.IS_DELETED: QT_TRANSLATE_NOOP("ImportField", "Is deleted"),
    Field.PROBABILITY: QT_TRANSLATE_NOOP("ImportField", "Probability"),
    Field.OWNER: QT_TRANSLATE_NOOP("ImportField", "Owner"),
    Field.NEXT_STEP: QT_TRANSLATE_NOOP("ImportField", "Next step"),
    Field.FORECAST_CATEGORY: QT_TRANSLATE_NOOP("ImportField", "Forecast category"),
    Field.CREATED: QT_TRANSLATE_NOOP("ImportField", "Created / engaged on"),
    Field.QUANTITY: QT_TRANSLATE_NOOP("ImportField", "Quantity"),
    Field.LOST_REASON: QT_TRANSLATE_NOOP("ImportField", "Lost reason"),
    Field.CONTACT: QT_TRANSLATE_NOOP("ImportField", "Contact person"),
    Field.NAME: QT_TRANSLATE_NOOP("ImportField", "Name"),
    Field.PARENT: QT_TRANSLATE_NOOP("ImportField", "Parent account"),
    Field.PARENT_ID: QT_TRANSLATE_NOOP("ImportField", "Parent account id"),
    Field.INDUSTRY: QT_TRANSLATE_NOOP("ImportField", "Industry"),
    Field.FIRST_NAME: QT_TRANSLATE_NOOP("ImportField", "First name"),
    Field.LAST_NAME: QT_TRANSLATE_NOOP("ImportField", "Last name"),
    Field.EMAIL: QT_TRANSLATE_NOOP("ImportField", "Email"),
    Field.PHONE: QT_TRANSLATE_NOOP("ImportField", "Phone"),
    Field.JOB_TITLE: QT_TRANSLATE_NOOP("ImportField", "Job title"),
    Field.OPPORTUNITY_ID: QT_TRANSLATE_NOOP("ImportField", "Deal id"),
    Field.CONTACT_ID: QT_TRANSLATE_NOOP("ImportField", "Contact id"),
    Field.ROLE: QT_TRANSLATE_NOOP("ImportField", "Role"),
    Field.CHANGED_AT: QT_TRANSLATE_NOOP("ImportField", "Changed on"),
    Field.PRICE: QT_TRANSLATE_NOOP("ImportField", "Price"),
}

# Per kind: each field's header aliases (normalised: lower case, letters and digits only), best
# first. The order of the fields is the order the mapping page offers them in.
_ALIASES: dict[FileKind, dict[Field, tuple[str, ...]]] = {
    FileKind.DEALS: {
        Field.EXTERNAL_ID: (
            "id", "opportunityid", "dealid", "recordid", "externalid", "crmid", "opportunitynumber",
        ),
        Field.TITLE: (
            "name", "opportunityname", "dealname", "dealtitle", "title", "opportunity", "deal", "subject",
        ),
        Field.ACCOUNT: (
            "accountname", "account", "associatedcompany", "company", "companyname", "organizationname",
            "organisationname", "dealorganization", "dealorganisation", "organization", "organisation",
            "customer", "customername", "client",
        ),
        Field.ACCOUNT_ID: (
            "accountid", "companyid", "organizationid", "dealorganizationid", "associatedcompanyid",
            "associatedcompanyids",
        ),
        Field.PRODUCT: ("product", "productname", "products", "dealproduct", "dealproducts", "item"),
        Field.AMOUNT: (
            "amount", "dealvalue", "value", "closevalue", "dealamount", "opportunityamount",
            "amountincompanycurrency", "totalamount",
        ),
        Field.CURRENCY: (
            "currencyisocode", "currency", "dealcurrencyofvalue", "dealcurrency", "currencyofvalue",
            "currencycode", "amountcurrency",
        ),
        Field.CLOSE_DATE: (
            "closedate", "dealexpectedclosedate", "expectedclosedate", "closingdate", "expectedclose",
            "estimatedclosedate", "dealclosedate",
        ),
        Field.STAGE: (
            "stagename", "dealstage", "stage", "pipelinestage", "salesstage", "opportunitystage",
            "dealstagename",
        ),
        Field.STATUS: ("dealstatus", "status", "state"),
        Field.IS_WON: ("iswon", "won"),
        Field.IS_CLOSED: ("isclosed", "closed"),
        Field.IS_DELETED: ("isdeleted", "deleted"),
        Field.PROBABILITY: (
            "probability", "dealprobability", "probabilitypercent", "winprobability", "hsdealprobability",
            "forecastprobability", "hsforecastprobability",
        ),
        Field.OWNER: (
            "ownername", "dealowner", "opportunityowner", "owner", "salesagent", "agent", "salesrep",
            "salesperson", "rep", "assignedto", "dealownername", "ownerid", "hubspotowner",
        ),
        Field.NEXT_STEP: ("nextstep", "nextsteps", "dealnextstep"),
        Field.FORECAST_CATEGORY: ("forecastcategoryname", "forecastcategory", "dealforecastcategory"),
        Field.CREATED: (
            "createddate", "createdate", "created", "createdon", "engagedate", "dealdealcreated",
            "dealcreated", "dealcreatedon", "datecreated", "opendate",
        ),
        Field.QUANTITY: ("quantity", "totalopportunityquantity", "dealproductquantity", "units"),
        Field.LOST_REASON: (
            "lostreason", "deallostreason", "closedlostreason", "lossreason", "closelostreason",
        ),
        Field.CONTACT: (
            "contactperson", "dealcontactperson", "personname", "contactname", "contact", "person",
        ),
    },
    FileKind.ACCOUNTS: {
        Field.EXTERNAL_ID: ("id", "accountid", "recordid", "companyid", "organizationid", "organisationid"),
        Field.NAME: (
            "name", "accountname", "account", "companyname", "company", "organizationname",
            "organization", "organisationname", "organisation",
        ),
        Field.PARENT: (
            "subsidiaryof", "parentaccount", "parentaccountname", "parentcompany", "parent", "parentname",
            "organizationparent",
        ),
        Field.PARENT_ID: ("parentid", "parentaccountid", "parentcompanyid"),
        Field.INDUSTRY: ("industry", "sector", "vertical", "organizationindustry"),
    },
    FileKind.CONTACTS: {
        Field.EXTERNAL_ID: ("id", "contactid", "recordid", "personid"),
        Field.FIRST_NAME: ("firstname", "personfirstname", "givenname"),
        Field.LAST_NAME: ("lastname", "personlastname", "surname", "familyname"),
        Field.NAME: ("name", "fullname", "personname", "contactname"),
        Field.EMAIL: ("email", "emailaddress", "personemail"),
        Field.PHONE: ("phone", "phonenumber", "mobilephone", "personphone"),
        Field.JOB_TITLE: ("title", "jobtitle", "position", "personjobtitle"),
        Field.ACCOUNT_ID: ("accountid", "companyid", "organizationid", "associatedcompanyid"),
        Field.ACCOUNT: (
            "accountname", "account", "associatedcompany", "companyname", "company", "personorganization",
            "organization", "organisation",
        ),
    },
    FileKind.CONTACT_ROLES: {
        Field.OPPORTUNITY_ID: ("opportunityid", "dealid"),
        Field.CONTACT_ID: ("contactid", "personid"),
        Field.ROLE: ("role", "contactrole"),
    },
    FileKind.HISTORY: {
        Field.OPPORTUNITY_ID: ("opportunityid", "dealid"),
        Field.STAGE: ("stagename", "stage"),
        Field.CLOSE_DATE: ("closedate",),
        Field.CHANGED_AT: ("createddate", "changedat", "changedon", "date"),
    },
    FileKind.PRODUCTS: {
        Field.NAME: ("product", "productname", "name"),
        Field.PRICE: ("salesprice", "listprice", "unitprice", "price"),
    },
    FileKind.USERS: {
        Field.EXTERNAL_ID: ("id", "userid"),
        Field.NAME: ("name", "fullname"),
        Field.FIRST_NAME: ("firstname",),
        Field.LAST_NAME: ("lastname",),
    },
    FileKind.UNUSED: {},
}  # fmt: skip


def fields_for(kind: FileKind) -> tuple[Field, ...]:
    """The fields a column of this kind of file can be mapped to, in the mapping page's order."""
    return tuple(_ALIASES[kind])


_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def normalise(header: str) -> str:
    """'Deal - Expected close date' -> 'dealexpectedclosedate': how aliases are compared."""
    return _NON_ALNUM.sub("", header.casefold())


# The objects of a Salesforce weekly Data Export by file name; the ones we do not read are named
# so that, say, Lead.csv (first and last names, a company) is not taken for contacts.
_SALESFORCE_OBJECTS = {
    "opportunity": FileKind.DEALS,
    "account": FileKind.ACCOUNTS,
    "contact": FileKind.CONTACTS,
    "opportunitycontactrole": FileKind.CONTACT_ROLES,
    "opportunityhistory": FileKind.HISTORY,
    "opportunityfieldhistory": FileKind.UNUSED,
    "user": FileKind.USERS,
    "lead": FileKind.UNUSED,
    "task": FileKind.UNUSED,
    "event": FileKind.UNUSED,
    "case": FileKind.UNUSED,
    "campaign": FileKind.UNUSED,
    "campaignmember": FileKind.UNUSED,
    "opportunitylineitem": FileKind.UNUSED,
    "note": FileKind.UNUSED,
    "attachment": FileKind.UNUSED,
}


def detect_layout(headers: Sequence[str]) -> Layout:
    """The CRM profile that recognises the headers best (see planner.exchange.crm), else generic."""
    return detect(headers)


_TITLE_LIKE = {"name", "title", "opportunityname", "dealname", "dealtitle", "subject"}
_STAGE_LIKE = {
    "stagename",
    "stage",
    "dealstage",
    "salesstage",
    "pipelinestage",
    "opportunitystage",
    "dealstatus",
}
_DEAL_ONLY = {"closevalue", "dealvalue", "opportunityname", "dealname", "dealtitle", "dealid"}
_ACCOUNT_LIKE = {
    "account",
    "accountname",
    "company",
    "companyname",
    "organization",
    "organizationname",
    "organisation",
    "associatedcompany",
    "customer",
}
_OWNER_LIKE = {"owner", "ownerid", "salesagent", "dealowner", "ownername", "opportunityowner", "salesrep"}
_ACCOUNT_DETAIL = {
    "industry", "sector", "subsidiaryof", "parent", "parentid", "parentaccount", "parentaccountid",
    "parentaccountname", "annualrevenue", "accountnumber", "website", "billingcity", "billingcountry",
    "employees", "numberofemployees", "yearestablished", "officelocation", "revenue", "domain",
}  # fmt: skip


def classify(headers: Sequence[str], file_name: str = "") -> FileKind:
    """What a file holds, from its headers (and, for a Salesforce export, its object's file name)."""
    names = {normalise(h) for h in headers}
    stem = normalise(file_name.rsplit("/", 1)[-1].rsplit(".", 1)[0])
    if stem in _SALESFORCE_OBJECTS and detect_layout(headers) == Layout.SALESFORCE:
        return _SALESFORCE_OBJECTS[stem]
    if {"opportunityid", "contactid"} <= names and names & {"role", "contactrole"}:
        return FileKind.CONTACT_ROLES
    if (
        "opportunityid" in names
        and "stagename" in names
        and not names & _TITLE_LIKE
        and not names & _ACCOUNT_LIKE
        and not names & _OWNER_LIKE
    ):
        return FileKind.HISTORY
    if names & _STAGE_LIKE or names & _DEAL_ONLY:
        return FileKind.DEALS
    if "username" in names:
        return FileKind.USERS
    if names & {"firstname", "lastname", "contactid", "personname"} and not names & {"industry", "sector"}:
        return FileKind.CONTACTS
    if names & {"product", "productname"} and names & {
        "salesprice",
        "price",
        "listprice",
        "unitprice",
        "series",
    }:
        return FileKind.PRODUCTS
    if names & (_ACCOUNT_LIKE | {"name"}) and names & _ACCOUNT_DETAIL:
        return FileKind.ACCOUNTS
    return FileKind.UNUSED


def suggest_mapping(kind: FileKind, headers: Sequence[str]) -> dict[str, Field]:
    """Header -> field for the columns whose names plainly say what they are; the rest unmapped."""
    by_name: dict[str, str] = {}
    for header in headers:
        by_name.setdefault(normalise(header), header)
    mapping: dict[str, Field] = {}
    for field, aliases in _ALIASES[kind].items():
        for alias in aliases:
            found = by_name.get(alias)
            if found is not None and found not in mapping:
                mapping[found] = field
                break
    return mapping


def layout_key(kind: FileKind, headers: Sequence[str]) -> str:
    """A short key for 'files with these columns', under which a mapping is remembered."""
    digest = hashlib.sha1("\x1f".join(normalise(h) for h in headers).encode(), usedforsecurity=False)
    return f"{kind.value}-{digest.hexdigest()[:12]}"


def check_mapping(kind: FileKind, headers: Sequence[str], mapping: Mapping[str, Field]) -> list[str]:
    """What is wrong with a mapping (unknown columns, fields used twice, wrong kind): messages."""
    allowed = set(fields_for(kind))
    problems: list[str] = []
    seen: dict[Field, str] = {}
    for header, field in mapping.items():
        if header not in headers:
            problems.append(translate("Import", "the file has no column “{header}”").format(header=header))
        elif field not in allowed:
            problems.append(
                translate("Import", "“{field}” is not a field of a {kind} file").format(
                    field=field.value, kind=kind.word
                )
            )
        elif field in seen:
            problems.append(
                translate("Import", "both “{first}” and “{second}” are mapped to {field}").format(
                    first=seen[field], second=header, field=field.label
                )
            )
        else:
            seen[field] = header
    return problems
