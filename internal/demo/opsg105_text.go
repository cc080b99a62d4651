// The text of the model document (internal/fixture/opsg-105-final-minutes.txt), item by item, for the demo.

package demo

// The minutes of OPSG 105, item by item, in the small text format.
const (
	opsg105Minute1 = `The Chair invited Operations Group (OPSG) members to comment on the Draft Minutes from OPSG 103.`
	opsg105Minute2 = `SECAS presented the actions outstanding.`
	opsg105Minute3 = `**Registration Data Provider (RDP) Incidents**

SECAS presented the RDP Incidents report for September 2023. SECAS reported that there were four new Incidents opened in September 2023. Six Incidents were closed overall in September with all outstanding Incidents from previous months now resolved following Registration Data corrections.`
	opsg105Minute4 = `SECAS presented its review of the Performance Measurement Report (PMR) for August 2023 and noted the associated responses to queries provided by the DCC.

SECAS advised the OPSG that two Category 1 and two Category 2 Incidents were reported in the PMR in August. SECAS queried as to why July and August saw a spike in Incidents. SECAS queried the total number of seven Category 1 and Category 2 Incidents in July and August 2023, and whether there was a concern about the stability of the overall system performance. SECAS advised that certain service providers were now on improvement plans in the Heightened Supplier Management process, with the plans running through to October and November. The DCC also stated it is closely monitoring these plans to prevent any recurrence. The OPSG discussed going beyond the data and focusing on areas of the overall architecture which are not performing to prioritise a remediation plan. It was suggested that a simplified visual of where incidents were occurring in the overall architecture would be beneficial in providing a view on where the issues that need focus are. The OPSG Chair added that such a view had been presented by the DCC previously, but not recently. The Chair also mentioned that such an analysis should seek to distinguish between problems intrinsically related to the architecture, and those related to operational shortfalls (including human error), recognising that the distinction was not always clear cut. Finally, the Chair noted that the DCC had previously been asked to provide this analysis as one input into their work on an Outage Strategy and feedback from the DCC on this strategy work was awaited.

SECAS noted that four of the eleven Code Performance Measures (CPM) were reported as below minimum service level in August 2023.

SECAS advised that although both CPM1 and CPM3 achieved target, performance measures PM1.1 S1SP DXC and PM1.5 S1SP DXC failed to achieve Target Service Level, recording 96.73% and 95.90% respectively. The OPSG noted the decrease in performance from the previous month as SECAS highlighted the ongoing inconsistent performance by SMETS1 Service Provider DXC.

SECAS also advised that PM2 Communications Service Provider (CSP) North achieved Minimum Service Level with 98.11%, a decrease from the previous month's performance, when Target Service Level was achieved for the first time since this measure was reported. PM2 CSP Central demonstrated a slight increase in performance to 98.96% from the previous report but was still below Target Service Level, although PM2 CSP South returned to Target Service Level with 99.33% performance.

SECAS reported that CPM 3A continued to fall below Minimum Service Level, particularly CSP N failing to meet Target Service Level for the first time since inclusion in the Performance Measurement Report, recording 87.46%. SECAS also noted that this is the fifth consecutive failure of CPM 3A in CSP C&S. Noting the extended period for which this measure had not achieved Minimum Service Level, the OPSG proposed adding this onto the list of DCC SEC non-compliances, to which the DCC agreed.

The OPSG stated that given the amount of remediation work being carried out to improve performance it was imperative to understand how performance linked through to User operational experiences to allow prioritisation of topics with the greatest impact. The OPSG noted it would be beneficial to have visibility of any specific related action plan being discussed in other forums.

Additionally, SECAS reported CPM 4 performance increased slightly to achieve 75%, although it continued to fall below Minimum Service Level. The DCC reported that CPM 4 failed following a Category 1 Major Incident (INC000001076111). The OPSG noted that this occurred following a complex failure within Data Service provider (DSP) which caused a router to crash and go into an unresponsive state.

SECAS advised that CPM 6 failed to meet Target Service Level, achieving 99.13%. The DCC reported that CPM 6 was also impacted by incident INC000001076111.

SECAS noted that the Performance Indicator 1 measure for all SMETS2 areas had missed target. The DCC reported that the actions being taken to improve CPM 3A are aligned with improving this performance indicator in all regions.`
	opsg105Minute51 = `The DCC reported on the business processes for firmware activations, Tariff Update, and Change of Supply (CoS) in SMETS1 and SMETS2.

The OPSG noted that CoS and Tariff Updates have decreased in volume in SMETS1. Additionally, the DCC noted that CoS performance had continued to improve in all regions due to a single service user scaling back their internal migrations. This prompted a discussion of whether the CoS Business Process Indicator was suitably reflecting real Change of Supplier activity. The OPSG asked DCC to propose how the various types of activity currently encompassed in the CoS BPI might be distinguished.

The OPSG also noted that Tariff Updates have decreased in performance for SMETS2 due to Price Change events.

The DCC advised on the SMETS1 Initial Operating Capability (IOC) and a single User having a failure rate of >90% for the Firmware business process, though most of the responses were duplicate requests. The DCC also noted the decrease in Certificate Management performance in September. The DCC advised that this was due to a high volume of requests from a User with a poor success rate, the same occurrence as reported in July 2023.`
	opsg105Minute52 = `The DCC noted that it had included new analysis to show 're-try success' and 'subsequent success' buckets to accurately depict components of Pre-Payment performance on the waterfall chart. The OPSG stated the 'subsequent success' which shows unsolicited service responses or delayed success, could cause difficulties for inclusion into MP242 [Change to Operational Metrics to Measure on Success](#). It was noted by the OPSG that it could be considered for inclusion in MP242, but that it was crucial to note the consumer impact that was being reflected. The OPSG also challenged that although the transaction is marked as successful, the timeframe involved could be masked, even if the transaction took 24 hours. The OPSG agreed to discuss the proposed definitions of re-try success and subsequent success further, with more analysis of re-try success and subsequent success to be provided by the DCC in a user-friendly slide.

The DCC noted that the Incorrect Certificate bucket which includes E4 failures now also includes prepay vends failing for devices where the certificate owner does not match the owner recorded in the Smart Metering Inventory (SMI).

The DCC advised that the Communicating bucket now shows prepay vends that have failed with E21 (timeout error) errors, noting that this applies to meters that have evidence of successful communication within the last 60 days. Essentially, these devices which are known to have communicated within the last 60 days have failed to communicate in this instance. The DCC will continue investigations into the Communicating bucket.

The DCC confirmed the Prepayment Glidepath shows improvements that were due to the WNC WAN Self-Heal firmware mitigation and that the DCC foresee a 97.5% success rate by the end of the year.

The DCC noted Install and Commission continues to show relatively stable performance and volume.

The OPSG noted it was difficult for the DCC to map a trajectory for SMETS1 Final Operating Capability (FOC) transactions but would still need to see a summary of this.`
	opsg105Minute53 = `The DCC presented a summary of performance in the areas where the 3G service has been closed. The DCC noted that the slight decline in success rates that had been observed previously had continued. The DCC also noted that, contrary to DCC comments last month, this decline was now thought to be specific to areas where 3G was closed, and not a National effect.

In response to questions from the OPSG, the DCC noted that in some areas declines had been observed in one month followed by a further decline in the next month.

The OPSG emphasised that it was important to understand the cause of these observations, and whether this was the beginning of a downward trend in performance.`
	opsg105Minute6 = `The OPSG reviewed the existing four highest severity risks and agreed that risks with severity ratings of 15 and above should be escalated to the SEC Panel:`
	opsg105Minute7 = `**Formal Report for Major Incident INC000001076111**

SECAS presented the OPSG with a summary of the DCC Major incident review for Incident INC000001076111, which occurred on 20 August 2023. The time taken to restore service was 6 hours and 30 minutes. All Service Request traffic (SMETS 1&2) was impacted between 6:10am and 12:40pm.

The DCC noted that the Root Cause as a memory leak in the primary router at the primary data centre causing the router to crash and become unresponsive. The Incident resulted in no DCC User Interface Specification (DUIS) traffic being sent or received by the DSP leading to failures in delivery of SRV's and device alerts. Self Service Interface (SSI), Self-Service Management Interface (SSMI), the Smart Metering Key Infrastructure (SMKI) Repo and Remedy were also impacted as they were unavailable for the duration of the outage.

The OPSG discussed the issues encountered during the incident and noted that a memory leak was not a root cause, but rather a symptom of an underlying issue. The OPSG noted the DCC's description of the procedures carried out during the incident and queried the time taken to resolve the incident and the timeliness of communications to Users.

The OPSG reviewed the effectiveness of the DCC's response to the incident as the incident report detailed a Green RAG status for the 'Classification/Prioritisation', 'Investigation/Diagnosis', 'Resolution/Closure', and 'Customer Communications' categories, whilst 'Identification' was categorised as Red. The OPSG challenged the Green status for Customer Communications and proposed Amber as a better status. It was agreed by the OPSG that there will need to be further investigation into the root cause and the timeliness of the DCC's response to the incident. The OPSG asked the DCC to revise the draft report for OPSG to review.`
	opsg105Minute8 = `The OPSG reported that actual expenditure came in £20k under budget due to SECAS being under resourced for several months. The OPSG noted that due to the recent filling of staff vacancies, expenditure is expected to be back on budget next quarter.

SECAS also noted that the Panel Chair has indicated that the process for reporting SECAS expenditure to subcommittees will now remain as at present.`
	opsg105Minute9   = `The OPSG noted the update and provided no concerns about the implementation of the legal text on 02 November 2023. The OPSG also noted the upcoming system changes in December 2023 which will go through an operational review at the OPSG ahead of implementation.`
	opsg105Minute101 = `The OPSG presented tentative future OPSG dates for 2024 and noted that future Bank Holidays affected 2024 Panel Dates which had also been planned for 28th May and 27th August. This will be considered and amended dates provided for discussion in the November's main meeting. Additionally, OPSG have requested that the November 2024 in-person meeting be moved to December.`
	opsg105Minute102 = `The OPSG noted that the December 2023 Main In-person Meeting will be held in London on the originally scheduled date of 12 December.`
)
