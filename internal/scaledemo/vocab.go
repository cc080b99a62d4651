package scaledemo

// The vocabulary of the generated world: parent bodies and their
// sub-committees, organisations by the part they play, and names. Modelled
// on the SEC Panel and the Operations Group of the model document, with two
// more code panels beside it.

// orgKind is the part an organisation plays in the codes.
type orgKind int

const (
	kindLargeSupplier orgKind = iota
	kindSmallSupplier
	kindNetwork
	kindOtherParty
	kindSecretariat
	kindCentral    // the DCC
	kindGovernment // DESNZ, Ofgem
	kindConsumer
	kindIndependent
	kindServiceProvider
)

type orgDef struct {
	name   string
	kind   orgKind
	domain string
}

// organisations are every organisation of the world. The first few are the
// demo's, so that its readers sign in with the same addresses.
var organisations = []orgDef{
	{"SECAS", kindSecretariat, "secas.example.org"},
	{"ELEXON", kindSecretariat, "elexon.example.org"},
	{"ElectraLink", kindSecretariat, "electralink.example.org"},
	{"DCC", kindCentral, "dcc.example.org"},
	{"DESNZ (formerly BEIS)", kindGovernment, "desnz.example.org"},
	{"Ofgem", kindGovernment, "ofgem.example.org"},
	{"Independent", kindIndependent, "example.org"},
	{"Consumer Energy Trust", kindConsumer, "cet.example.org"},
	{"Citizens Energy Advice", kindConsumer, "cea.example.org"},
	{"Albion Energy", kindLargeSupplier, "albion.example.org"},
	{"Brightwater Power", kindLargeSupplier, "brightwater.example.org"},
	{"Crown Gas & Electric", kindLargeSupplier, "crown.example.org"},
	{"Highland Energy Supply", kindLargeSupplier, "highland.example.org"},
	{"Meridian Home Energy", kindLargeSupplier, "meridian.example.org"},
	{"Northstar Energy", kindLargeSupplier, "northstar.example.org"},
	{"Pennine Power", kindLargeSupplier, "pennine.example.org"},
	{"Solent Energy", kindLargeSupplier, "solent.example.org"},
	{"Thames Valley Energy", kindLargeSupplier, "tve.example.org"},
	{"Cambrian Utilities", kindLargeSupplier, "cambrian.example.org"},
	{"Kestrel Energy", kindSmallSupplier, "kestrel.example.org"},
	{"Wren Power", kindSmallSupplier, "wren.example.org"},
	{"Lark Energy", kindSmallSupplier, "lark.example.org"},
	{"Heron Gas", kindSmallSupplier, "heron.example.org"},
	{"Osprey Energy", kindSmallSupplier, "osprey.example.org"},
	{"Curlew Power", kindSmallSupplier, "curlew.example.org"},
	{"Fieldfare Energy", kindSmallSupplier, "fieldfare.example.org"},
	{"Plover Supply", kindSmallSupplier, "plover.example.org"},
	{"Northgrid Networks", kindNetwork, "northgrid.example.org"},
	{"Southern Wires", kindNetwork, "southernwires.example.org"},
	{"Western Distribution", kindNetwork, "westdist.example.org"},
	{"Caledonian Networks", kindNetwork, "caledonian.example.org"},
	{"Midland Grid", kindNetwork, "midlandgrid.example.org"},
	{"Central Gas Networks", kindNetwork, "cgn.example.org"},
	{"Severn Gas Networks", kindNetwork, "severngas.example.org"},
	{"Metering Services Ltd", kindOtherParty, "msl.example.org"},
	{"Smart Data Co", kindOtherParty, "smartdata.example.org"},
	{"MeterWorks", kindOtherParty, "meterworks.example.org"},
	{"Grid Analytics", kindOtherParty, "gridanalytics.example.org"},
	{"Ampere Metering", kindOtherParty, "ampere.example.org"},
	{"Voltic Services", kindOtherParty, "voltic.example.org"},
	{"HomeHeat Installers", kindOtherParty, "homeheat.example.org"},
	{"CSP North Services", kindServiceProvider, "cspn.example.org"},
	{"CSP Central and South", kindServiceProvider, "cspcs.example.org"},
	{"Data Service Provider", kindServiceProvider, "dsp.example.org"},
}

// parentDef and committeeDef describe the bodies. Categories are the
// membership categories in order; the first is the chair's.
type parentDef struct {
	code, name, description, secretariat string
	short                                string // how minutes cite the body's reports: "SEC Panel"
	release                              string // its release name: "SEC Release"
	categories                           []string
	seats                                []orgKind // member seats after the chair, by category order
}

var parents = []parentDef{
	{
		code: "PANEL", name: "SEC Panel", short: "SEC Panel", release: "SEC Release", secretariat: "SECAS",
		description: "The Smart Energy Code Panel, which oversees the code and its sub-committees.",
		categories:  []string{"Panel Chair", "Large Supplier Members", "Small Supplier Members", "Network Party Members", "Other SEC Party Members", "Consumer Members"},
	},
	{
		code: "BSCP", name: "BSC Panel", short: "BSC Panel", release: "BSC Release", secretariat: "ELEXON",
		description: "The Balancing and Settlement Code Panel, which oversees settlement and its assurance groups.",
		categories:  []string{"Panel Chair", "Industry Members", "Network Operator Members", "Independent Members", "Consumer Members"},
	},
	{
		code: "DCUSA", name: "DCUSA Panel", short: "DCUSA Panel", release: "DCUSA Release", secretariat: "ElectraLink",
		description: "The Distribution Connection and Use of System Agreement Panel, which oversees distribution charging and its working groups.",
		categories:  []string{"Panel Chair", "Supplier Members", "DNO Members", "IDNO Members", "Other Party Members"},
	},
}

type committeeDef struct {
	code, name, description string
}

// committees are the sub-committees of each parent, in parent order.
var committees = [][]committeeDef{
	{
		{"OPSG", "Operations Group", "Monitors the operational performance of the DCC and the smart metering system, and escalates risks to the SEC Panel."},
		{"TABASC", "Technical Architecture and Business Architecture Sub-Committee", "Keeps the technical and business architecture of the smart metering system under review."},
		{"SSC", "Security Sub-Committee", "Oversees the security requirements of the code and the assurance of Users."},
		{"SMKIPMA", "SMKI Policy Management Authority", "Governs the Smart Metering Key Infrastructure and its certificate policies."},
		{"CHASC", "Communications Hub Assurance Sub-Committee", "Assures the supply, installation and returns of Communications Hubs."},
		{"TSIRS", "Technical Specification Issue Resolution Subgroup", "Resolves issues in the technical specifications and proposes changes."},
		{"CPMWG", "Code Performance Measures Working Group", "Reviews the Code Performance Measures and the Performance Measurement Report."},
		{"PRWG", "Prepayment Working Group", "Tracks prepayment vend success and the Prepayment Glidepath."},
		{"MIRG", "Major Incident Review Group", "Reviews the DCC's reports on Category 1 and 2 incidents."},
		{"SRWG", "Scheduled Read Window Group", "Oversees the Scheduled Read Window pilots and the Scaling & Optimisation programme."},
		{"TWG", "Testing Working Group", "Oversees the testing of DCC releases and User entry."},
		{"DMWG", "Data Management Working Group", "Oversees registration data and the Registration Data Providers."},
		{"FIRG", "Firmware Issue Resolution Group", "Tracks firmware activations and issues across device models."},
		{"SOPG", "Scaling and Optimisation Programme Group", "Steers the DCC's work on capacity, peak demand and optimisation."},
		{"NEWG", "Network Evolution Working Group", "Follows the 3G and 2G sunsetting and the move to 4G Communications Hubs."},
		{"CHRG", "Communications Hub Returns Group", "Reviews Communications Hub returns, faults and their root causes."},
	},
	{
		{"PAB", "Performance Assurance Board", "Assures the performance of settlement parties and applies the performance assurance techniques."},
		{"ISG", "Imbalance Settlement Group", "Oversees the imbalance settlement process and its data."},
		{"SVG", "Supplier Volume Allocation Group", "Oversees supplier volume allocation and the allocation of unmetered supplies."},
		{"TDC", "Trading Disputes Committee", "Decides trading disputes raised by BSC parties."},
		{"MHHSDB", "Market-wide Half Hourly Settlement Delivery Board", "Steers the delivery of market-wide half-hourly settlement."},
		{"SWG", "Settlement Working Group", "Develops changes to settlement timetables and reconciliation."},
		{"AMWG", "Advanced Meter Working Group", "Reviews the requirements for advanced and smart meters in settlement."},
		{"CMG", "Change Management Group", "Plans and monitors the implementation of BSC changes and releases."},
		{"RFG", "Reconciliation Forum Group", "Reviews reconciliation volumes and the accuracy of estimates."},
		{"QAWG", "Qualification Assurance Working Group", "Assures the qualification of new and changing parties."},
		{"TARG", "Technical Assurance Review Group", "Reviews the findings of technical assurance audits."},
		{"DAWG", "Data Access Working Group", "Develops the rules for access to settlement data."},
	},
	{
		{"DCMF", "DCUSA Change Management Forum", "Plans and monitors the implementation of DCUSA change proposals."},
		{"CDCMWG", "CDCM Working Group", "Develops the Common Distribution Charging Methodology."},
		{"EDCMWG", "EDCM Working Group", "Develops the Extra-High Voltage Distribution Charging Methodology."},
		{"MSWG", "Metering Services Working Group", "Reviews metering services and their charges."},
		{"SCWG", "Standing Charges Working Group", "Reviews the treatment of residual charges and standing charges."},
		{"DRWG", "Distribution Reform Working Group", "Develops the reforms of network access and forward-looking charges."},
		{"NTWG", "Network Tariffs Working Group", "Reviews the annual network tariffs and their forecasts."},
		{"CRWG", "Connection Reform Working Group", "Develops the connection reform proposals and queue management."},
		{"DSWG", "Data Sharing Working Group", "Develops the data sharing obligations between network operators."},
		{"FSWG", "Flexibility Services Working Group", "Develops the rules for procuring flexibility services."},
		{"AEWG", "Access and Export Working Group", "Reviews access rights and export limitation schemes."},
		{"IDWG", "Independent Networks Working Group", "Represents the interests of independent distribution network operators."},
	},
}

// subCategories are a sub-committee's member categories after its chair's,
// by parent, with the kind of organisation that fills each seat.
var subCategories = [][]struct {
	name string
	kind orgKind
	n    int // seats
}{
	{{"Network Parties", kindNetwork, 2}, {"Large Suppliers", kindLargeSupplier, 7}, {"Small Suppliers", kindSmallSupplier, 2}, {"Other SEC Parties", kindOtherParty, 4}},
	{{"Suppliers", kindLargeSupplier, 5}, {"Small Suppliers", kindSmallSupplier, 2}, {"Network Operators", kindNetwork, 3}, {"Independent Members", kindOtherParty, 2}},
	{{"Suppliers", kindLargeSupplier, 4}, {"DNOs", kindNetwork, 4}, {"IDNOs", kindNetwork, 2}, {"Other Parties", kindOtherParty, 2}},
}

// parentSeats are a parent body's member seats after its chair's, by category.
var parentSeats = [][]struct {
	kind orgKind
	n    int
}{
	{{kindLargeSupplier, 3}, {kindSmallSupplier, 2}, {kindNetwork, 2}, {kindOtherParty, 2}, {kindConsumer, 1}},
	{{kindLargeSupplier, 4}, {kindNetwork, 2}, {kindOtherParty, 2}, {kindConsumer, 1}},
	{{kindLargeSupplier, 3}, {kindNetwork, 3}, {kindNetwork, 1}, {kindOtherParty, 2}},
}

// namedPeople are the people of the model document and the demo, placed
// first so that the demo readers exist with their usual addresses.
var namedPeople = []struct{ name, org string }{
	{"Sarah Roebel", "SECAS"}, {"Dave Warner", "Independent"}, {"Kevin Donnelly", "Albion Energy"},
	{"Pauline Hartley", "Independent"}, {"Rachel Allen", "DESNZ (formerly BEIS)"},
	{"Shuba Khatun", "Northgrid Networks"}, {"Rochelle Harrison", "Brightwater Power"}, {"Sam Draper", "Crown Gas & Electric"},
	{"George Macgregor", "Highland Energy Supply"}, {"Ralph Baxter", "Meridian Home Energy"}, {"Laurence Cross", "Albion Energy"},
	{"Nick Coombs", "Brightwater Power"}, {"Emslie Law", "Crown Gas & Electric"}, {"Cassie Bowerman", "Kestrel Energy"},
	{"Martin Christie", "Metering Services Ltd"}, {"Michael Snowden", "Smart Data Co"}, {"Alex Ford", "MeterWorks"},
	{"Geoff Huckerby", "Consumer Energy Trust"}, {"Eugene Asante", "SECAS"}, {"Cherrelle Mclean", "SECAS"},
	{"Tim Newton", "SECAS"}, {"Alison Beard", "SECAS"}, {"Conroy Saunders", "SECAS"},
	{"Danielle Jackson", "DCC"}, {"Val Cumberland", "DCC"}, {"Timothy Dunning", "DCC"}, {"Daniel Heathcote", "DCC"},
	{"Gary Fairclough", "DCC"}, {"Adam Rawling", "DCC"}, {"Andy Rowley", "DCC"}, {"Ryan Todd", "DCC"},
	{"Gary Stuart", "DCC"}, {"David Rollason", "DCC"}, {"Ian Drummond", "DCC"}, {"Owen Pritchard", "Consumer Energy Trust"},
}

// demoAccounts are the named accounts, as the small demo has them.
var demoAccounts = []struct{ key, role, name, email string }{
	{"secretariat", "OPSG and Panel secretariat", "Sarah Roebel", "sarah.roebel@secas.example.org"},
	{"chair", "OPSG chair", "Dave Warner", "dave.warner@example.org"},
	{"member", "OPSG and Panel member", "Kevin Donnelly", "kevin.donnelly@albion.example.org"},
	{"panel-chair", "SEC Panel chair", "Pauline Hartley", "pauline.hartley@example.org"},
	{"non-member", "Signed-in non-member", "Rachel Allen", "rachel.allen@desnz.example.org"},
}

var firstNames = []string{
	"Aaron", "Abigail", "Adam", "Adrian", "Aisha", "Alan", "Alice", "Amir", "Amy", "Andrew", "Angela", "Anil", "Anna", "Arjun",
	"Barbara", "Ben", "Bethany", "Bilal", "Bridget", "Callum", "Carl", "Caroline", "Catherine", "Chloe", "Chris", "Claire",
	"Colin", "Craig", "Daniel", "David", "Deborah", "Declan", "Dev", "Diane", "Dominic", "Eleanor", "Elena", "Emily", "Emma",
	"Eoin", "Fatima", "Fiona", "Frances", "Gareth", "Gemma", "Graham", "Hannah", "Harriet", "Hassan", "Helen", "Ian", "Imran",
	"Isla", "Jack", "James", "Jane", "Jasmine", "Jason", "Jennifer", "Joanne", "John", "Jonathan", "Joseph", "Julia", "Karen",
	"Katie", "Keith", "Kirsty", "Laura", "Leanne", "Liam", "Lucy", "Mark", "Martin", "Mary", "Matthew", "Megan", "Mohammed",
	"Natalie", "Neil", "Nicola", "Niamh", "Oliver", "Olivia", "Paul", "Peter", "Philippa", "Priya", "Rachel", "Rajesh",
	"Rebecca", "Richard", "Robert", "Rosie", "Ruth", "Ryan", "Samuel", "Sanjay", "Sarah", "Scott", "Sean", "Shona", "Simon",
	"Sophie", "Stephen", "Stuart", "Susan", "Tariq", "Thomas", "Tom", "Tracey", "Victoria", "William", "Yasmin", "Zoe",
}

var lastNames = []string{
	"Abbott", "Ahmed", "Ainsworth", "Allen", "Anderson", "Armstrong", "Ashworth", "Atkinson", "Bailey", "Baker", "Banerjee",
	"Barker", "Barnes", "Bell", "Bennett", "Bird", "Blackwood", "Booth", "Bradley", "Brennan", "Brooks", "Burton", "Campbell",
	"Carr", "Chapman", "Chowdhury", "Clarke", "Coleman", "Collins", "Cooper", "Cox", "Crawford", "Dale", "Davies", "Dawson",
	"Dixon", "Doyle", "Duncan", "Edwards", "Ellis", "Evans", "Farrell", "Fisher", "Fletcher", "Foster", "Fraser", "Gallagher",
	"Gibson", "Gill", "Gordon", "Graham", "Grant", "Gray", "Hall", "Hamilton", "Harper", "Harvey", "Hayes", "Henderson",
	"Hill", "Holmes", "Hughes", "Hunt", "Hussain", "Jackson", "James", "Jenkins", "Johnson", "Kaur", "Kelly", "Kennedy",
	"Khan", "Knight", "Lawson", "Lewis", "Lloyd", "Macdonald", "Marshall", "Mason", "Matthews", "Mcleod", "Mitchell",
	"Moore", "Morgan", "Morris", "Murphy", "Murray", "Nash", "Nolan", "O'Brien", "Owen", "Palmer", "Parker", "Patel",
	"Pearson", "Phillips", "Porter", "Powell", "Price", "Quinn", "Reid", "Reynolds", "Richards", "Robertson", "Rogers",
	"Ross", "Russell", "Saunders", "Scott", "Shah", "Sharma", "Shaw", "Simpson", "Singh", "Stewart", "Sutton", "Taylor",
	"Thompson", "Turner", "Walker", "Wallace", "Ward", "Watson", "Webb", "Wells", "White", "Wilkinson", "Williams", "Wood",
	"Wright", "Young",
}
